import { describe, expect, it } from 'vitest';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { startRetentionSchedule } from '../../../src/main/store/retention-schedule.js';
import { STORE_ERRORS } from '../../../src/main/store/error-codes.js';
import { tempDbFile } from './temp-db.js';

describe('retention purge schedule', () => {
  it('plans the purge at the configured time in Japan time', () => {
    const store = openKioskStore(tempDbFile());
    store.settings.set('retentionPurgeCron', '30 3 * * *');
    const job = startRetentionSchedule(store);
    const next = job.nextRun()!;
    job.stop();
    // 03:30 JST is 18:30 UTC the day before.
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([18, 30]);
    store.close();
  });

  it('refuses a schedule that is not a cron expression', () => {
    const store = openKioskStore(tempDbFile());
    expect(() => store.settings.set('retentionPurgeCron', 'every night')).toThrow(expect.objectContaining({ code: STORE_ERRORS.INVALID_SETTING }));
    store.close();
  });

  it('purges and leaves an audit event when the job fires', async () => {
    const store = openKioskStore(tempDbFile());
    store.settings.set('retentionPurgeCron', '* * * * * *'); // every second
    const purged = new Promise((resolve) => {
      const job = startRetentionSchedule(store, (report) => {
        job.stop();
        resolve(report);
      });
    });
    expect(await purged).toEqual({ queueItems: 0, consents: 0, declarations: 0 });
    expect(store.audit.entries().map((e) => e.kind)).toEqual(['retention.purged']);
    store.close();
  });
});
