/**
 * Calendar dates in Japan time (JST, UTC+9, no daylight saving). The rules about certificate
 * expiry count days and months on the Japanese calendar, so instants are turned into JST dates
 * first and all arithmetic after that is on whole dates, never on milliseconds.
 */

/** A date on the calendar; month is 1–12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The JST calendar date of an instant. */
export function jstDateOf(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + JST_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (handles leap years).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day of the month `months` after (or before, if negative) the date's month. */
function shiftMonth(date: CalendarDate, months: number): { year: number; month: number } {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The last day of the month `months` after the date's month. */
export function endOfMonthAfter(date: CalendarDate, months: number): CalendarDate {
  const { year, month } = shiftMonth(date, months);
  return { year, month, day: daysInMonth(year, month) };
}

/** Negative, zero or positive as a is before, equal to or after b. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** YYYY-MM-DD. */
export function toIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
