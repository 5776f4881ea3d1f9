import { describe, expect, it } from 'vitest';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { RestartScheduler } from '../../../src/main/ops/restart-scheduler.js';
import type { KioskActivity } from '../../../src/main/ops/kiosk-activity.js';
import { FakeClock } from '../ops/fake-clock.js';
import { tempDbFile } from './temp-db.js';

const idle: KioskActivity = { isIdle: () => true, onIdle: () => () => undefined };

describe('restart history table', () => {
  it('remembers the last handled slot across a reopen, so a relaunch never runs its slot twice', async () => {
    const file = tempDbFile();
    const store = openKioskStore(file);
    expect(store.restarts.lastHandledSlotMs()).toBeUndefined();
    store.restarts.append({ slotAtMs: 1_000, atMs: 1_001, outcome: 'started', action: 'relaunch-kiosk' });
    store.close();

    const reopened = openKioskStore(file);
    expect(reopened.restarts.lastHandledSlotMs()).toBe(1_000);
    reopened.restarts.append({ slotAtMs: 500, atMs: 2_000, outcome: 'skipped', action: 'relaunch-kiosk', reason: 'kiosk-off', errorCode: 'E-OPS-007' });
    // The newest slot, not the newest row.
    expect(reopened.restarts.lastHandledSlotMs()).toBe(1_000);
    expect(reopened.restarts.recent(10)).toEqual([
      { slotAtMs: 500, atMs: 2_000, outcome: 'skipped', action: 'relaunch-kiosk', reason: 'kiosk-off', errorCode: 'E-OPS-007' },
      { slotAtMs: 1_000, atMs: 1_001, outcome: 'started', action: 'relaunch-kiosk' },
    ]);
    reopened.close();
  });

  it('backs the scheduler: a slot run before a relaunch is not run again after it', async () => {
    const file = tempDbFile();
    // 2025-01-06 03:30 JST = 2025-01-05T18:30Z.
    const clock = new FakeClock(new Date('2025-01-05T18:29:00Z'));
    const schedule = { enabled: true, daysOfWeek: [0, 1, 2, 3, 4, 5, 6], time: '03:30', windowMinutes: 60, action: { kind: 'relaunch-kiosk' as const } };
    const store = openKioskStore(file);
    let runs = 0;
    const first = new RestartScheduler({ clock, activity: idle, history: store.restarts, run: async () => void runs++ });
    first.start(schedule);
    await clock.advance(60_000);
    expect(runs).toBe(1);
    first.stop();
    store.close();

    const reopened = openKioskStore(file);
    const second = new RestartScheduler({ clock, activity: idle, history: reopened.restarts, run: async () => void runs++ });
    second.start(schedule);
    await clock.advance(1_000);
    expect(runs).toBe(1);
    expect(second.current()).toMatchObject({ state: 'waiting' });
    second.stop();
    reopened.close();
  });
});
