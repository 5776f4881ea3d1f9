import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors.js';
import { RestartScheduler } from '../../../src/main/ops/restart-scheduler.js';
import { restartScheduleSchema, type RestartAction, type RestartSchedule } from '../../../src/main/ops/restart-schedule.js';
import type { RestartRecord } from '../../../src/main/ops/restart-history.js';
import { FakeClock } from './fake-clock.js';
import { fakeActivity, memoryHistory } from './fakes.js';

const jst = (s: string) => new Date(`${s}+09:00`);
const NIGHTLY: RestartSchedule = {
  enabled: true,
  daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
  time: '03:30',
  windowMinutes: 120,
  action: { kind: 'relaunch-kiosk' },
};

function setup(start: string, initialHistory: RestartRecord[] = [], failWith?: Error) {
  const clock = new FakeClock(jst(start));
  const activity = fakeActivity();
  const history = memoryHistory(initialHistory);
  const runs: { at: Date; action: RestartAction; idle: boolean }[] = [];
  const scheduler = new RestartScheduler({
    clock,
    activity,
    history,
    run: async (action) => {
      runs.push({ at: clock.now(), action, idle: activity.isIdle() });
      if (failWith) throw failWith;
    },
  });
  const outcomes = () => history.records.map((r) => `${new Date(r.slotAtMs + 9 * 3600_000).toISOString().slice(5, 16)} ${r.outcome}${r.reason ? ` ${r.reason}` : ''}`);
  return { clock, activity, history, runs, scheduler, outcomes };
}

describe('nightly restart scheduler (定期再起動)', () => {
  it('restarts at the slot when the kiosk is idle, then waits for the next night', async () => {
    const t = setup('2025-06-02T22:00:00');
    t.scheduler.start(NIGHTLY);
    expect(t.scheduler.current()).toEqual({ state: 'waiting', nextSlot: jst('2025-06-03T03:30:00') });
    await t.clock.advanceTo(jst('2025-06-03T03:29:59'));
    expect(t.runs).toHaveLength(0);
    await t.clock.advanceTo(jst('2025-06-03T03:30:00'));
    expect(t.runs.map((r) => r.at)).toEqual([jst('2025-06-03T03:30:00')]);
    expect(t.outcomes()).toEqual(['06-03T03:30 started', '06-03T03:30 completed']);
    expect(t.scheduler.current()).toEqual({ state: 'waiting', nextSlot: jst('2025-06-04T03:30:00') });
  });

  it('never restarts during a patient session: defers to the moment the patient leaves', async () => {
    const t = setup('2025-06-03T03:00:00');
    t.scheduler.start(NIGHTLY);
    await t.clock.advanceTo(jst('2025-06-03T03:29:00'));
    t.activity.patientArrives();
    await t.clock.advanceTo(jst('2025-06-03T03:45:00'));
    expect(t.runs).toHaveLength(0);
    expect(t.scheduler.current()).toMatchObject({ state: 'deferred', windowEnd: jst('2025-06-03T05:30:00') });
    t.activity.patientLeaves();
    await t.clock.advance(0);
    expect(t.runs).toEqual([{ at: jst('2025-06-03T03:45:00'), action: { kind: 'relaunch-kiosk' }, idle: true }]);
  });

  it('skips a slot whose whole window was busy, and keeps the next one', async () => {
    const t = setup('2025-06-03T03:00:00');
    t.scheduler.start(NIGHTLY);
    t.activity.patientArrives();
    await t.clock.advanceTo(jst('2025-06-03T05:30:00'));
    t.activity.patientLeaves(); // just after the window: too late
    await t.clock.advance(1000);
    expect(t.runs).toHaveLength(0);
    expect(t.outcomes()).toEqual(['06-03T03:30 skipped busy-whole-window']);
    expect(t.history.records[0]?.errorCode).toBe('E-OPS-007');
    expect(t.scheduler.current()).toEqual({ state: 'waiting', nextSlot: jst('2025-06-04T03:30:00') });
  });

  it('runs a slot missed while the kiosk was off at start-up, if its window is still open', async () => {
    const yesterday: RestartRecord = { slotAtMs: jst('2025-06-02T03:30:00').getTime(), atMs: 0, outcome: 'completed', action: 'relaunch-kiosk' };
    const t = setup('2025-06-03T04:10:00', [yesterday]);
    t.scheduler.start(NIGHTLY);
    await t.clock.advance(0);
    expect(t.runs.map((r) => r.at)).toEqual([jst('2025-06-03T04:10:00')]);
  });

  it('a missed slot found at start-up while a patient is already there waits for idle', async () => {
    const t = setup('2025-06-03T04:10:00', [{ slotAtMs: jst('2025-06-02T03:30:00').getTime(), atMs: 0, outcome: 'completed', action: 'relaunch-kiosk' }]);
    t.activity.patientArrives();
    t.scheduler.start(NIGHTLY);
    await t.clock.advanceTo(jst('2025-06-03T04:20:00'));
    expect(t.runs).toHaveLength(0);
    t.activity.patientLeaves();
    await t.clock.advance(0);
    expect(t.runs.map((r) => r.at)).toEqual([jst('2025-06-03T04:20:00')]);
  });

  it('records slots missed while off (window closed) as skipped, one per night', async () => {
    const t = setup('2025-06-05T09:00:00', [{ slotAtMs: jst('2025-06-02T03:30:00').getTime(), atMs: 0, outcome: 'completed', action: 'relaunch-kiosk' }]);
    t.scheduler.start(NIGHTLY);
    await t.clock.advance(0);
    expect(t.runs).toHaveLength(0);
    expect(t.outcomes().slice(1)).toEqual([
      '06-03T03:30 skipped kiosk-off',
      '06-04T03:30 skipped kiosk-off',
      '06-05T03:30 skipped kiosk-off',
    ]);
  });

  it('a fresh install (no history) treats nothing as missed and waits for the next slot', async () => {
    const t = setup('2025-06-03T04:00:00');
    t.scheduler.start(NIGHTLY);
    await t.clock.advance(0);
    expect(t.runs).toHaveLength(0);
    expect(t.history.records).toHaveLength(0);
    expect(t.scheduler.current()).toEqual({ state: 'waiting', nextSlot: jst('2025-06-04T03:30:00') });
  });

  it('does not run a slot twice after the restart itself relaunched the kiosk', async () => {
    const started: RestartRecord = { slotAtMs: jst('2025-06-03T03:30:00').getTime(), atMs: 0, outcome: 'started', action: 'relaunch-kiosk' };
    const t = setup('2025-06-03T03:31:00', [started]);
    t.scheduler.start(NIGHTLY);
    await t.clock.advanceTo(jst('2025-06-03T06:00:00'));
    expect(t.runs).toHaveLength(0);
    expect(t.scheduler.current()).toEqual({ state: 'waiting', nextSlot: jst('2025-06-04T03:30:00') });
  });

  it('honours the days of the week (Mon and Thu only) in Japan time', async () => {
    // 2025-06-02 is a Monday. 03:30 JST Monday is 18:30 UTC on Sunday.
    const t = setup('2025-06-02T12:00:00');
    t.scheduler.start({ ...NIGHTLY, daysOfWeek: [1, 4] });
    expect(t.scheduler.current()).toEqual({ state: 'waiting', nextSlot: jst('2025-06-05T03:30:00') });
    await t.clock.advanceTo(jst('2025-06-10T00:00:00'));
    expect(t.runs.map((r) => r.at.toISOString())).toEqual(['2025-06-04T18:30:00.000Z', '2025-06-08T18:30:00.000Z']);
  });

  it('a set-up change 2 minutes ahead takes effect at once; a time already past does not fire', async () => {
    const t = setup('2025-06-03T14:00:00');
    t.scheduler.start(NIGHTLY);
    t.scheduler.reconfigure({ ...NIGHTLY, time: '13:50' });
    await t.clock.advance(60_000);
    expect(t.runs).toHaveLength(0);
    t.scheduler.reconfigure({ ...NIGHTLY, time: '14:03' });
    t.activity.patientArrives();
    await t.clock.advanceTo(jst('2025-06-03T14:05:00'));
    expect(t.runs).toHaveLength(0);
    t.activity.patientLeaves();
    await t.clock.advance(0);
    expect(t.runs.map((r) => r.at)).toEqual([jst('2025-06-03T14:05:00')]);
  });

  it('records a failed restart with its staff code and still arms the next night', async () => {
    const t = setup('2025-06-03T03:00:00', [], new KioskError('E-OPS-008', 'command failed'));
    t.scheduler.start(NIGHTLY);
    await t.clock.advanceTo(jst('2025-06-03T03:30:00'));
    expect(t.history.records.at(-1)).toMatchObject({ outcome: 'failed', errorCode: 'E-OPS-008' });
    expect(t.scheduler.current()).toEqual({ state: 'waiting', nextSlot: jst('2025-06-04T03:30:00') });
  });

  it('a disabled schedule sets no timer and never restarts', async () => {
    const t = setup('2025-06-03T03:00:00');
    t.scheduler.start({ ...NIGHTLY, enabled: false });
    await t.clock.advanceTo(jst('2025-06-10T00:00:00'));
    expect(t.runs).toHaveLength(0);
    expect(t.clock.pendingTimers()).toBe(0);
    expect(t.scheduler.current()).toEqual({ state: 'disabled' });
  });

  it('a schedule change while a restart runs applies after it finishes', async () => {
    const clock = new FakeClock(jst('2025-06-03T03:29:00'));
    const history = memoryHistory();
    let finish!: () => void;
    const scheduler = new RestartScheduler({
      clock,
      activity: fakeActivity(),
      history,
      run: () => new Promise<void>((resolve) => (finish = resolve)),
    });
    scheduler.start(NIGHTLY);
    await clock.advanceTo(jst('2025-06-03T03:30:00'));
    expect(scheduler.current().state).toBe('running');
    scheduler.reconfigure({ ...NIGHTLY, time: '04:00' });
    finish();
    await clock.advance(1000);
    expect(scheduler.current()).toEqual({ state: 'waiting', nextSlot: jst('2025-06-03T04:00:00') });
  });
});

describe('restart schedule validation', () => {
  it.each([
    ['time out of range', { time: '24:00' }],
    ['time without leading zero', { time: '3:30' }],
    ['no day', { daysOfWeek: [] }],
    ['day 7', { daysOfWeek: [7] }],
    ['duplicate day', { daysOfWeek: [1, 1] }],
    ['window too short', { windowMinutes: 1 }],
    ['empty command', { action: { kind: 'os-command', command: '', args: [], timeoutSeconds: 30 } }],
    ['unknown action', { action: { kind: 'format-disk' } }],
  ])('refuses %s', (_name, patch) => {
    expect(restartScheduleSchema.safeParse({ ...NIGHTLY, ...patch }).success).toBe(false);
  });

  it('accepts a site command with arguments', () => {
    const cmd = { kind: 'os-command', command: '/usr/bin/systemctl', args: ['reboot'], timeoutSeconds: 60 };
    expect(restartScheduleSchema.parse({ ...NIGHTLY, action: cmd }).action).toEqual(cmd);
  });
});
