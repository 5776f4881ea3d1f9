/**
 * 利用者証明用電子証明書の有効期限: the four phases of PRODUCT.md §3.2. The reading of the rules,
 * with the 告示 wording they come from, is in docs/decisions/certificate-expiry.md; change it
 * there and here together.
 */
import { compareDates, endOfMonthAfter, jstDateOf, type CalendarDate } from './calendar-date.js';

export type ExpiryPhase = 'normal' | 'renewal-alert' | 'grace' | 'expired';

/** The calendar facts of one certificate, all as JST dates. */
export interface ExpiryCalendar {
  /** 有効期間満了日: the last day the certificate is valid. */
  readonly notAfter: CalendarDate;
  /** First day of the 更新アラート (満了日まで3か月以下). */
  readonly alertFrom: CalendarDate;
  /** Last day of the grace period (満了日の属する月の末日から起算して三月). */
  readonly graceUntil: CalendarDate;
}

/**
 * First day of the renewal alert: the same day of the month three months before notAfter, or
 * that month's last day when it has no such day (notAfter 05-31 → 02-28). This is exactly the
 * first day on which a 3-month period counted from the next day (民法 §140 初日不算入, §143
 * 応当日 and month-end rule) reaches notAfter, i.e. 「満了日まで３か月以下」; the derivation
 * and the tests pinning the equivalence are in docs/decisions/certificate-expiry.md.
 */
function renewalAlertStart(notAfter: CalendarDate): CalendarDate {
  const monthEnd = endOfMonthAfter(notAfter, -3);
  return { ...monthEnd, day: Math.min(notAfter.day, monthEnd.day) };
}

export function expiryCalendar(notAfter: Date): ExpiryCalendar {
  const expiryDate = jstDateOf(notAfter);
  return {
    notAfter: expiryDate,
    alertFrom: renewalAlertStart(expiryDate),
    graceUntil: endOfMonthAfter(expiryDate, 3),
  };
}

/** The phase on the JST date of `now` (both instants are converted to JST dates first). */
export function certificateExpiryPhase(notAfter: Date, now: Date): ExpiryPhase {
  return phaseOn(expiryCalendar(notAfter), jstDateOf(now));
}

export function phaseOn(calendar: ExpiryCalendar, today: CalendarDate): ExpiryPhase {
  if (compareDates(today, calendar.graceUntil) > 0) return 'expired';
  if (compareDates(today, calendar.notAfter) > 0) return 'grace';
  if (compareDates(today, calendar.alertFrom) >= 0) return 'renewal-alert';
  return 'normal';
}
