/**
 * The restart history (再起動履歴) in SQLite: the scheduler's memory across the restarts it causes
 * (a relaunch ends the process right after "started" is written) and the list on the admin screen.
 */
import { restartRecordSchema, type RestartHistory, type RestartRecord } from '../ops/restart-history.js';
import type { KioskDatabase } from './database.js';

interface Row {
  slot_at_ms: number;
  at_ms: number;
  outcome: string;
  action: string;
  reason: string | null;
  error_code: string | null;
}

export class RestartHistoryTable implements RestartHistory {
  private readonly insert;
  private readonly newestSlot;
  private readonly newest;

  constructor(db: KioskDatabase) {
    this.insert = db.prepare<[number, number, string, string, string | null, string | null]>(
      'INSERT INTO restart_history (slot_at_ms, at_ms, outcome, action, reason, error_code) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.newestSlot = db.prepare<[], { slot: number | null }>('SELECT MAX(slot_at_ms) AS slot FROM restart_history');
    this.newest = db.prepare<[number], Row>(
      'SELECT slot_at_ms, at_ms, outcome, action, reason, error_code FROM restart_history ORDER BY id DESC LIMIT ?',
    );
  }

  append(record: RestartRecord): void {
    const r = restartRecordSchema.parse(record);
    this.insert.run(r.slotAtMs, r.atMs, r.outcome, r.action, r.reason ?? null, r.errorCode ?? null);
  }

  lastHandledSlotMs(): number | undefined {
    return this.newestSlot.get()?.slot ?? undefined;
  }

  /** Newest first; rows that no longer parse (a hand-edited database) are left out, not fatal. */
  recent(limit: number): RestartRecord[] {
    const records: RestartRecord[] = [];
    for (const row of this.newest.all(limit)) {
      const parsed = restartRecordSchema.safeParse({
        slotAtMs: row.slot_at_ms,
        atMs: row.at_ms,
        outcome: row.outcome,
        action: row.action,
        ...(row.reason === null ? {} : { reason: row.reason }),
        ...(row.error_code === null ? {} : { errorCode: row.error_code }),
      });
      if (parsed.success) records.push(parsed.data);
    }
    return records;
  }
}
