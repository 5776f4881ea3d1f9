/**
 * Trouble statistics for the diagnostics page (トラブル統計): counts per 保団連 survey category
 * per JST day, per week (Monday start, as Japanese calendars run) or per calendar month (the
 * survey asks about a span of months, e.g. Oct–Dec 2025, and its rounds are compared by them),
 * and a CSV a clinic can send on or open in Excel.
 */
import { TROUBLE_CATEGORIES, TROUBLE_CATEGORY_KEYS } from '../store/trouble-categories.js';
import type { TroubleStatistics, TroubleTotals } from '../store/trouble-statistics.js';

export type Granularity = 'day' | 'week' | 'month';

export interface TroublePeriod {
  /** First JST day of the period (YYYY-MM-DD). */
  readonly start: string;
  readonly totals: TroubleTotals;
}

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fromDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The first day of the period holding `day`: itself, its Monday, or the 1st of its month. */
function periodStart(day: string, granularity: Granularity): string {
  const ms = fromDay(day);
  if (granularity === 'day') return day;
  if (granularity === 'week') return toDay(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS);
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the `count` whole periods ending with the one holding `today` (that one so far). */
export function firstDayOfLast(count: number, today: string, granularity: Granularity): string {
  const start = fromDay(periodStart(today, granularity));
  if (granularity === 'day') return toDay(start - (count - 1) * DAY_MS);
  if (granularity === 'week') return toDay(start - (count - 1) * 7 * DAY_MS);
  const d = new Date(start);
  return toDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (count - 1), 1));
}

/** The last day of the period starting at `start` (a week's Sunday, a month's last day). */
function periodEnd(start: number, granularity: Granularity): number {
  if (granularity === 'day') return start;
  if (granularity === 'week') return start + (6 - ((new Date(start).getUTCDay() + 6) % 7)) * DAY_MS;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY_MS;
}

/** Periods covering the JST days [firstDay, lastDay], oldest first; weeks and months are clipped to the range. */
export function troublePeriods(stats: Pick<TroubleStatistics, 'totals'>, firstDay: string, lastDay: string, granularity: Granularity): TroublePeriod[] {
  const periods: TroublePeriod[] = [];
  const last = fromDay(lastDay);
  for (let start = fromDay(firstDay); start <= last; ) {
    const end = Math.min(periodEnd(start, granularity), last);
    periods.push({ start: toDay(start), totals: stats.totals(toDay(start), toDay(end)) });
    start = end + DAY_MS;
  }
  return periods;
}

/** RFC 4180 quoting: labels contain commas and quotes (「●」, "●"). */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const PERIOD_COLUMN: Record<Granularity, string> = { day: 'day', week: 'week_start', month: 'month' };
/** A month is named YYYY-MM, as a survey answer asks for it; days and weeks by their first day. */
const periodLabel = (start: string, granularity: Granularity) => (granularity === 'month' ? start.slice(0, 7) : start);

/**
 * One row per period and category. Starts with a UTF-8 BOM: Excel on Japanese Windows opens a
 * BOM-less UTF-8 CSV as Shift_JIS and garbles every label.
 */
export function troubleCsv(periods: readonly TroublePeriod[], granularity: Granularity): string {
  const rows = [[PERIOD_COLUMN[granularity], 'category', 'label_ja', 'label_en', 'count'].join(',')];
  for (const p of periods) {
    for (const key of TROUBLE_CATEGORY_KEYS) {
      const label = TROUBLE_CATEGORIES[key];
      rows.push([periodLabel(p.start, granularity), key, label.ja, label.en, p.totals[key]].map(csvField).join(','));
    }
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
