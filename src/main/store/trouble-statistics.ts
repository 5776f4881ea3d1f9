/**
 * Trouble counters per category and per Japan-time day, so a clinic can export its own numbers
 * in the 保団連 survey's terms. Counts only: no patient data.
 */
import { TROUBLE_CATEGORIES, TROUBLE_CATEGORY_KEYS, type TroubleCategory } from './trouble-categories.js';
import type { KioskDatabase } from './database.js';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The JST calendar day (YYYY-MM-DD) of an instant: clinics count by their local day. */
export function jstDay(atMs: number): string {
  return new Date(atMs + JST_OFFSET_MS).toISOString().slice(0, 10);
}

export type TroubleTotals = Record<TroubleCategory, number>;

export class TroubleStatistics {
  private readonly bump;
  private readonly sums;

  constructor(db: KioskDatabase) {
    this.bump = db.prepare<[string, string]>(
      'INSERT INTO trouble_counts (category, day, count) VALUES (?, ?, 1) ON CONFLICT (category, day) DO UPDATE SET count = count + 1',
    );
    this.sums = db.prepare<[string, string], { category: string; total: number }>(
      'SELECT category, SUM(count) AS total FROM trouble_counts WHERE day >= ? AND day <= ? GROUP BY category',
    );
  }

  count(category: TroubleCategory, atMs: number = Date.now()): void {
    this.bump.run(category, jstDay(atMs));
  }

  /** Totals per category over JST days [fromDay, toDay], every category present (zero if none). */
  totals(fromDay: string, toDay: string): TroubleTotals {
    const totals = Object.fromEntries(TROUBLE_CATEGORY_KEYS.map((k) => [k, 0])) as TroubleTotals;
    for (const row of this.sums.all(fromDay, toDay)) {
      if (row.category in TROUBLE_CATEGORIES) totals[row.category as TroubleCategory] = row.total;
    }
    return totals;
  }

  /** CSV for the IT staff export: one row per category with its Japanese and English label. */
  exportCsv(fromDay: string, toDay: string): string {
    const totals = this.totals(fromDay, toDay);
    const lines = ['category,label_ja,label_en,count'];
    for (const key of TROUBLE_CATEGORY_KEYS) {
      const label = TROUBLE_CATEGORIES[key];
      lines.push(`${key},${label.ja},${label.en.replaceAll(',', ' ')},${totals[key]}`);
    }
    return lines.join('\n') + '\n';
  }
}
