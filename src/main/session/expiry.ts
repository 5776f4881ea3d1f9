/**
 * 利用者証明用電子証明書の有効期限: the four phases of PRODUCT.md §3.2. The reading of the rules,
 * with the 告示 wording they come from, is in docs/decisions/certificate-expiry.md; change it
 * there and here together.
 */
import {
  addDays,
  compareDates,
  endOfMonthAfter,
  jstDateOf,
  sameDayMonthsLater,
  type CalendarDate,
} from './calendar-date.js';

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
 * The last day of a period of `months` months that starts on `start` (民法 §143): the day before
 * the corresponding day in the last month, or that month's last day when it has no such day. A
 * period starting on the 1st ends on the last day of the final month.
 */
function lastDayOfPeriod(start: CalendarDate, months: number): CalendarDate {
  if (start.day === 1) return endOfMonthAfter(start, months - 1);
  const corresponding = sameDayMonthsLater(start, months);
  return corresponding === null ? endOfMonthAfter(start, months) : addDays(corresponding, -1);
}

/**
 * First day on which at most 3 months remain until notAfter: the earliest day D whose 3-month
 * period, counted from the next day (民法 §140, 初日不算入), reaches notAfter. The answer lies in
 * the month three months before notAfter's month (its 1st always ends the period on notAfter's
 * month's 1st), so the scan is at most one month long.
 */
function renewalAlertStart(notAfter: CalendarDate): CalendarDate {
  let day: CalendarDate = { ...endOfMonthAfter(notAfter, -3), day: 1 };
  while (compareDates(lastDayOfPeriod(addDays(day, 1), 3), notAfter) < 0) day = addDays(day, 1);
  return day;
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
