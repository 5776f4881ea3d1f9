/**
 * Retention (保存期間) of personal data. Confirmed queue items (which carry names and insurance
 * numbers), 被保険者資格申立書 records and expired consents are deleted once older than the
 * configured number of days.
 * The audit log stays: it holds no personal data and its chain must remain whole.
 */
import type { KioskDatabase } from './database.js';
import { CONSENT_VALIDITY_MS } from './consents.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeReport {
  readonly queueItems: number;
  readonly consents: number;
  readonly declarations: number;
}

export function purgePersonalData(db: KioskDatabase, retentionDays: number, nowMs: number = Date.now()): PurgeReport {
  const cutoff = nowMs - retentionDays * DAY_MS;
  return db.transaction((): PurgeReport => {
    const queue = db.prepare("DELETE FROM pending_queue WHERE status = 'done' AND completed_at_ms < ?").run(cutoff);
    // A consent is kept at least until it has expired, whatever the retention setting.
    const consents = db.prepare('DELETE FROM consents WHERE expires_at_ms < ?').run(Math.min(cutoff, nowMs - CONSENT_VALIDITY_MS));
    const declarations = db.prepare('DELETE FROM declarations WHERE created_at_ms < ?').run(cutoff);
    return { queueItems: queue.changes, consents: consents.changes, declarations: declarations.changes };
  })();
}
