/**
 * Trouble statistics for the diagnostics page (トラブル統計): counts per 保団連 survey category
 * per JST day or per week (Monday start, as Japanese calendars and the survey periods run), and a
 * CSV a clinic can send on or open in Excel.
 */
import { TROUBLE_CATEGORIES, TROUBLE_CATEGORY_KEYS } from '../store/trouble-categories.js';
import type { TroubleStatistics, TroubleTotals } from '../store/trouble-statistics.js';

export type Granularity = 'day' | 'week';

export interface TroublePeriod {
  /** First JST day of the period (YYYY-MM-DD). */
  readonly start: string;
  readonly totals: TroubleTotals;
}

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fromDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Periods covering the JST days [firstDay, lastDay], oldest first; weeks are clipped to the range. */
export function troublePeriods(stats: Pick<TroubleStatistics, 'totals'>, firstDay: string, lastDay: string, granularity: Granularity): TroublePeriod[] {
  const periods: TroublePeriod[] = [];
  const last = fromDay(lastDay);
  for (let start = fromDay(firstDay); start <= last; ) {
    let end = start;
    if (granularity === 'week') {
      const weekday = (new Date(start).getUTCDay() + 6) % 7; // 0 = Monday
      end = Math.min(start + (6 - weekday) * DAY_MS, last);
    }
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

/**
 * One row per period and category. Starts with a UTF-8 BOM: Excel on Japanese Windows opens a
 * BOM-less UTF-8 CSV as Shift_JIS and garbles every label.
 */
export function troubleCsv(periods: readonly TroublePeriod[], granularity: Granularity): string {
  const rows = [[granularity === 'week' ? 'week_start' : 'day', 'category', 'label_ja', 'label_en', 'count'].join(',')];
  for (const p of periods) {
    for (const key of TROUBLE_CATEGORY_KEYS) {
      const label = TROUBLE_CATEGORIES[key];
      rows.push([p.start, key, label.ja, label.en, p.totals[key]].map(csvField).join(','));
    }
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
