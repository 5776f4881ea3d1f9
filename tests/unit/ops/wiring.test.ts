/** The small pieces compose.ts wires ops with: session activity, the switchable reader source, the test clock. */
import { describe, expect, it, vi } from 'vitest';
import { sessionActivity } from '../../../src/main/ops/session-activity.js';
import { SwitchableReaderSource } from '../../../src/main/ops/switchable-reader-source.js';
import { scaledClock, schedulerClockFromEnv } from '../../../src/main/ops/scaled-clock.js';
import { systemClock } from '../../../src/main/ops/clock.js';
import { ReceptionHistory } from '../../../src/main/ops/reception-history.js';
import type { CardReaderSource, ReaderSourceEvent } from '../../../src/main/card/transport.js';
import type { SessionSnapshot } from '../../../src/shared/snapshot.js';
import type { Logger } from '../../../src/main/core/logger.js';

function screens() {
  let current: { screen: string } = { screen: 'standby' };
  const listeners = new Set<(s: { screen: string }) => void>();
  return {
    current: () => current,
    subscribe(l: (s: { screen: string }) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    show(screen: string) {
      current = { screen };
      for (const l of listeners) l(current);
    },
  };
}

describe('session activity', () => {
  it('is idle only at standby and calls back once per return to standby', () => {
    const session = screens();
    const activity = sessionActivity(session);
    const onIdle = vi.fn();
    activity.onIdle(onIdle);
    expect(activity.isIdle()).toBe(true);
    session.show('standby'); // a language change at standby is not a return
    session.show('reading');
    expect(activity.isIdle()).toBe(false);
    session.show('method-choice');
    expect(onIdle).not.toHaveBeenCalled();
    session.show('standby');
    expect(onIdle).toHaveBeenCalledTimes(1);
    activity.close();
    session.show('reading');
    session.show('standby');
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

function fakeSource(readers: string[]): CardReaderSource & { emit(e: ReaderSourceEvent): void; listeners: number } {
  const listeners = new Set<(e: ReaderSourceEvent) => void>();
  return {
    get listeners() {
      return listeners.size;
    },
    emit: (e) => listeners.forEach((l) => l(e)),
    subscribe(l) {
      listeners.add(l);
      for (const reader of readers) l({ type: 'reader-added', reader });
      return () => listeners.delete(l);
    },
    readers: () => readers,
    connect: async () => {
      throw new Error('no card');
    },
    close: async () => undefined,
  };
}

describe('switchable reader source', () => {
  it('moves its listeners to the new source, which replays its readers; the old one is silent', () => {
    const old = fakeSource(['A']);
    const switchable = new SwitchableReaderSource(old);
    const seen: ReaderSourceEvent[] = [];
    switchable.subscribe((e) => seen.push(e));
    const fresh = fakeSource(['B']);
    switchable.switchTo(fresh);
    old.emit({ type: 'reader-added', reader: 'stale' });
    fresh.emit({ type: 'card-absent', reader: 'B' });
    expect(seen).toEqual([
      { type: 'reader-added', reader: 'A' },
      { type: 'reader-added', reader: 'B' },
      { type: 'card-absent', reader: 'B' },
    ]);
    expect(switchable.readers()).toEqual(['B']);
    expect(old.listeners).toBe(0);
  });
});

describe('scheduler test clock', () => {
  it('runs rate times faster than real time from the given start and fires timers at scaled instants', () => {
    vi.useFakeTimers();
    try {
      const clock = scaledClock(new Date('2025-01-06T03:28:00+09:00'), 60);
      const fired = vi.fn();
      clock.setTimer(new Date('2025-01-06T03:30:00+09:00'), fired);
      vi.advanceTimersByTime(1_900);
      expect(fired).not.toHaveBeenCalled();
      vi.advanceTimersByTime(200);
      expect(fired).toHaveBeenCalledTimes(1);
      expect(clock.now().getTime()).toBeGreaterThanOrEqual(new Date('2025-01-06T03:30:00+09:00').getTime());
    } finally {
      vi.useRealTimers();
    }
  });

  it('cannot be switched on without the demo: a real kiosk keeps the system clock', () => {
    const log = { error: vi.fn(), warn: vi.fn() } as unknown as Logger;
    const env = { KIOSK_TEST_CLOCK_START: '2025-01-06T03:28:00+09:00', KIOSK_TEST_CLOCK_RATE: '20' };
    expect(schedulerClockFromEnv(env, false, log)).toBe(systemClock);
    expect(log.error).toHaveBeenCalled();
    expect(schedulerClockFromEnv({}, true, log)).toBe(systemClock);
    expect(schedulerClockFromEnv(env, true, log)).not.toBe(systemClock);
  });
});

describe('reception history (staff panel)', () => {
  it('records each finished visit and each error once, newest first', () => {
    const history = new ReceptionHistory(() => new Date(0));
    const base = { seq: 1, language: 'ja' as const, languages: ['ja' as const], largeText: false };
    const done: SessionSnapshot = { ...base, screen: 'done', ending: 'cancelled', result: null, reminderLevel: 0 };
    history.observe(done);
    history.observe({ ...done, reminderLevel: 1 });
    history.observe({ ...base, screen: 'standby' });
    history.observe({ ...base, screen: 'error', error: { code: 'E-CARD-004', message: 'x' } });
    history.observe({ ...base, screen: 'standby' });
    history.observe({ ...done, ending: 'timed-out' });
    expect(history.recentVisits().map((v) => v.ending)).toEqual(['timed-out', 'cancelled']);
    expect(history.recentErrors().map((e) => e.error.code)).toEqual(['E-CARD-004']);
  });
});
