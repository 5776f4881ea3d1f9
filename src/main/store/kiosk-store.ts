/**
 * The store as the rest of main sees it: one database file, with its parts created once.
 * The pending queue is typed by its user (src/main/qualification), so it is built there.
 */
import { openDatabase, type KioskDatabase } from './database.js';
import { SettingsStore } from './settings.js';
import { AuditLog } from './audit-log.js';
import { ConsentStore } from './consents.js';
import { TroubleStatistics } from './trouble-statistics.js';
import { RestartHistoryTable } from './restart-history-table.js';
import { purgePersonalData, type PurgeReport } from './retention.js';

export interface KioskStore {
  readonly db: KioskDatabase;
  readonly settings: SettingsStore;
  readonly audit: AuditLog;
  readonly consents: ConsentStore;
  readonly troubles: TroubleStatistics;
  readonly restarts: RestartHistoryTable;
  /** Deletes personal data older than the configured retention (run by the ops scheduler). */
  purge(nowMs?: number): PurgeReport;
  close(): void;
}

export function openKioskStore(file: string): KioskStore {
  const db = openDatabase(file);
  const settings = new SettingsStore(db);
  return {
    db,
    settings,
    audit: new AuditLog(db),
    consents: new ConsentStore(db),
    troubles: new TroubleStatistics(db),
    restarts: new RestartHistoryTable(db),
    purge: (nowMs) => purgePersonalData(db, settings.get('retentionDays'), nowMs),
    close: () => db.close(),
  };
}
