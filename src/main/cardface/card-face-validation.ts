/**
 * Plausibility checks on parsed card-face fields. A misread digit usually breaks one of them, so
 * they turn silent errors into rejections (and a rescan) instead of a wrong 照合番号B.
 */
import { ageOn, compareDates, isRealDate, type CalendarDate } from './calendar-date.js';
import type { FieldEvidence, ParsedCardFace } from './card-face-fields.js';

export type ValidationRejection = 'birth-date-implausible' | 'expiry-invalid' | 'expiry-not-on-birthday' | 'low-confidence';

export interface ValidationPolicy {
  /** Lowest per-character recogniser probability accepted for the fields used in 照合番号B. */
  readonly minConfidence: number;
  readonly maxAgeYears: number;
  /**
   * The card expires on the holder's birthday (10th after issue, 5th for minors), so expiry month
   * and day equal the birth month and day: a free checksum on both dates' months and days.
   */
  readonly requireExpiryOnBirthday: boolean;
}

export const DEFAULT_VALIDATION_POLICY: ValidationPolicy = { minConfidence: 0.8, maxAgeYears: 120, requireExpiryOnBirthday: true };

/** My Number cards were first issued in January 2016; the shortest validity is 5 birthdays. */
const EARLIEST_EXPIRY_YEAR = 2020;
/** The 10th birthday after an issue date no later than today falls at most 10 calendar years ahead. */
const MAX_YEARS_TO_EXPIRY = 10;

export interface Validation {
  readonly rejection: ValidationRejection | null;
  /** 0–1: the weakest evidence behind the fields (see confidenceOf). */
  readonly confidence: number;
}

export function validateCardFace(fields: ParsedCardFace, today: CalendarDate, policy: ValidationPolicy = DEFAULT_VALIDATION_POLICY): Validation {
  const { birthDate, expiryDate } = fields;
  const onBirthday = isBirthday(birthDate, expiryDate);
  const confidence = confidenceOf(fields.evidence, onBirthday);
  const reject = (rejection: ValidationRejection): Validation => ({ rejection, confidence });
  if (!isRealDate(birthDate) || compareDates(birthDate, today) > 0 || ageOn(birthDate, today) > policy.maxAgeYears) return reject('birth-date-implausible');
  if (!isRealDate(expiryDate) || compareDates(expiryDate, birthDate) <= 0 || expiryDate.year < EARLIEST_EXPIRY_YEAR || expiryDate.year > today.year + MAX_YEARS_TO_EXPIRY) {
    return reject('expiry-invalid');
  }
  if (policy.requireExpiryOnBirthday && !onBirthday) return reject('expiry-not-on-birthday');
  if (!(confidence >= policy.minConfidence)) return reject('low-confidence');
  return { rejection: null, confidence };
}

/**
 * The weakest part's evidence. Month and day are printed twice (birth date and expiry): when the two
 * independent readings agree, the stronger of them stands for both.
 */
export function confidenceOf(e: FieldEvidence, monthDayAgree: boolean): number {
  const monthDay = monthDayAgree ? Math.max(e.birthMonthDay, e.expiryMonthDay) : Math.min(e.birthMonthDay, e.expiryMonthDay);
  return Math.min(e.era, e.birthYear, monthDay, e.expiryYear, e.securityCode);
}

/** 29 February birthdays fall on 28 February or 1 March in common years. */
function isBirthday(birth: CalendarDate, day: CalendarDate): boolean {
  if (birth.month === day.month && birth.day === day.day) return true;
  return birth.month === 2 && birth.day === 29 && ((day.month === 2 && day.day === 28) || (day.month === 3 && day.day === 1));
}
