/**
 * Japanese eras (元号) as printed on the card front for Japanese nationals' birth dates (和暦).
 * Foreign residents' cards print the Western year (西暦) instead.
 */
import { compareDates, isRealDate, type CalendarDate } from './calendar-date.js';

export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';

interface Era {
  readonly name: EraName;
  /** First day of the era; its year 1 (元年) is the Western year of this day. */
  readonly start: CalendarDate;
}

/** Newest first, so the first era whose start is on or before a date is that date's era. */
const ERAS: readonly Era[] = [
  { name: '令和', start: { year: 2019, month: 5, day: 1 } },
  { name: '平成', start: { year: 1989, month: 1, day: 8 } },
  { name: '昭和', start: { year: 1926, month: 12, day: 25 } },
  { name: '大正', start: { year: 1912, month: 7, day: 30 } },
  { name: '明治', start: { year: 1868, month: 10, day: 23 } },
];

export const ERA_NAMES: readonly EraName[] = ERAS.map((e) => e.name);

/** A date as printed in 和暦: era, era year (1 = 元年), month, day. */
export interface EraDate {
  readonly era: EraName;
  readonly eraYear: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Converts a printed era date to the Western calendar, or null if that day does not exist or lies
 * outside the era (e.g. 昭和64年2月1日, 平成1年1月7日): a misread must not become a plausible date.
 */
export function eraToWestern(d: EraDate): CalendarDate | null {
  const index = ERAS.findIndex((e) => e.name === d.era);
  const era = ERAS[index];
  if (!era || !Number.isInteger(d.eraYear) || d.eraYear < 1) return null;
  const western: CalendarDate = { year: era.start.year + d.eraYear - 1, month: d.month, day: d.day };
  if (!isRealDate(western) || compareDates(western, era.start) < 0) return null;
  const next = ERAS[index - 1];
  if (next && compareDates(western, next.start) >= 0) return null;
  return western;
}

/** The era date a Western date is printed as (used by the card-front renderer). */
export function westernToEra(d: CalendarDate): EraDate {
  const era = ERAS.find((e) => compareDates(d, e.start) >= 0);
  if (!era) throw new RangeError(`date before 明治: ${d.year}-${d.month}-${d.day}`);
  return { era: era.name, eraYear: d.year - era.start.year + 1, month: d.month, day: d.day };
}
