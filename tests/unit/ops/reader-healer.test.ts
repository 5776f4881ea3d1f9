import { describe, expect, it } from 'vitest';
import { ReaderHealer, type HealState } from '../../../src/main/ops/reader-healer.js';
import type { ReaderStack } from '../../../src/main/ops/reader-stack.js';
import { FakeClock } from './fake-clock.js';
import { fakeActivity } from './fakes.js';

/** A reader stack whose daemon and reader the test switches on and off. */
function fakeStack() {
  const world = { daemon: true, readerPlugged: true };
  let contextReaders: string[] = ['Virtual PCD 00 00'];
  const calls: string[] = [];
  const downListeners = new Set<() => void>();
  const stack: ReaderStack = {
    readers: () => contextReaders,
    daemonAlive: async () => world.daemon,
    reestablish: async () => {
      calls.push('reestablish');
      contextReaders = world.daemon && world.readerPlugged ? ['Virtual PCD 00 00'] : [];
    },
    reconnect: async () => void calls.push('reconnect'),
    onDown: (l) => (downListeners.add(l), () => downListeners.delete(l)),
  };
  const pcscdDies = () => {
    world.daemon = false;
    contextReaders = [];
    for (const l of downListeners) l();
  };
  return { world, stack, calls, pcscdDies };
}

function setup() {
  const clock = new FakeClock(new Date('2025-06-03T10:00:00+09:00'));
  const activity = fakeActivity();
  const s = fakeStack();
  const escalations: Date[] = [];
  const healer = new ReaderHealer({
    stack: s.stack,
    clock,
    activity,
    escalate: async () => void escalations.push(clock.now()),
    policy: { initialDelayMs: 200, maxDelayMs: 1_000, readerMissingMaxDelayMs: 4_000, escalateAfterMs: 60_000 },
  });
  return { clock, activity, healer, escalations, ...s };
}

describe('reader healer', () => {
  it('pcscd dies: staff see "healing" with E-OPS-010; it heals within a second of pcscd returning', async () => {
    const t = setup();
    const states: HealState['state'][] = [];
    let healedAt = 0;
    t.healer.onChange((s) => {
      states.push(s.state);
      if (s.state === 'healthy') healedAt = t.clock.now().getTime();
    });
    t.pcscdDies();
    await t.clock.advance(5_000);
    expect(t.healer.current()).toMatchObject({ state: 'healing', step: 'wait-for-pcscd', code: 'E-OPS-010' });
    // No context churn while the daemon is gone: the socket probe is all an attempt costs.
    expect(t.calls).toEqual([]);
    t.world.daemon = true;
    const back = t.clock.now().getTime();
    await t.clock.advance(1_000);
    expect(t.healer.current()).toEqual({ state: 'healthy', lastHealMs: healedAt - (back - 5_000) });
    expect(t.calls).toEqual(['reestablish', 'reconnect']);
    expect(healedAt - back).toBeLessThanOrEqual(1_000);
    expect(states).toEqual(['healing', ...states.slice(1, -1).map(() => 'healing'), 'healthy']);
  });

  it('backs off 200 ms, 400 ms, 800 ms, then every second', async () => {
    const t = setup();
    t.pcscdDies();
    const gaps: number[] = [];
    let last = t.clock.now().getTime();
    t.healer.onChange((s) => {
      if (s.state === 'healing' && s.attempt > 0) {
        gaps.push(s.nextAttemptAt.getTime() - last);
        last = s.nextAttemptAt.getTime();
      }
    });
    await t.clock.advance(5_000);
    expect(gaps.slice(0, 6)).toEqual([200, 400, 800, 1000, 1000, 1000]);
  });

  it('backs off further (to its own cap) while pcscd is up but lists no reader', async () => {
    const t = setup();
    t.world.readerPlugged = false;
    t.pcscdDies();
    t.world.daemon = true;
    const gaps: number[] = [];
    t.healer.onChange((s) => {
      if (s.state === 'healing' && s.attempt > 0) gaps.push(s.nextAttemptAt.getTime() - t.clock.now().getTime());
    });
    await t.clock.advance(20_000);
    expect(gaps.slice(0, 6)).toEqual([200, 400, 800, 1600, 3200, 4000]);
  });

  it('pcscd up but no reader: reports E-OPS-009 and keeps trying', async () => {
    const t = setup();
    t.world.readerPlugged = false;
    t.pcscdDies();
    t.world.daemon = true;
    await t.clock.advance(3_000);
    expect(t.healer.current()).toMatchObject({ state: 'healing', step: 'wait-for-reader', code: 'E-OPS-009' });
    t.world.readerPlugged = true;
    await t.clock.advance(4_000);
    expect(t.healer.current().state).toBe('healthy');
  });

  it('escalates to the configured restart once, after the escalation delay, only when idle', async () => {
    const t = setup();
    t.activity.patientArrives();
    t.pcscdDies();
    await t.clock.advance(90_000);
    expect(t.escalations).toEqual([]);
    t.activity.patientLeaves();
    await t.clock.advance(0);
    expect(t.escalations).toHaveLength(1);
    await t.clock.advance(120_000);
    expect(t.escalations).toHaveLength(1);
    expect(t.healer.current()).toMatchObject({ state: 'healing', escalated: true });
  });

  it('a stack that throws while re-establishing is retried, not crashed', async () => {
    const t = setup();
    let failures = 2;
    const original = t.stack.reestablish;
    t.stack.reestablish = async () => {
      if (failures-- > 0) throw new Error('SCardEstablishContext error');
      await original();
    };
    t.pcscdDies();
    t.world.daemon = true;
    await t.clock.advance(2_000);
    expect(t.healer.current().state).toBe('healthy');
  });
});
