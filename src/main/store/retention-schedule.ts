/**
 * Runs the personal-data purge on the facility's schedule (cron, Japan time), e.g. nightly when
 * the clinic is closed. The schedule is a setting, read when the job starts.
 */
import { Cron } from 'croner';
import type { KioskStore } from './kiosk-store.js';
import type { PurgeReport } from './retention.js';

export interface RetentionJob {
  /** The next planned purge, or null if the schedule has none left. */
  nextRun(): Date | null;
  stop(): void;
}

export function startRetentionSchedule(store: KioskStore, onPurged: (report: PurgeReport) => void = () => {}): RetentionJob {
  const job = new Cron(store.settings.get('retentionPurgeCron'), { timezone: 'Asia/Tokyo', protect: true, unref: true }, () => {
    const report = store.purge();
    store.audit.append('retention.purged', { ...report });
    onPurged(report);
  });
  return { nextRun: () => job.nextRun(), stop: () => job.stop() };
}

/** True when `pattern` is a cron expression croner accepts. */
export function isValidCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}
