/** A controllable clock: time moves only when the test says so, firing due timers in order. */
import type { OpsClock } from '../../../src/main/ops/clock.js';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export class FakeClock implements OpsClock {
  private nowMs: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start: Date) {
    this.nowMs = start.getTime();
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  setTimer(at: Date, fire: () => void): () => void {
    const timer = { at: at.getTime(), seq: this.seq++, fire };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves to `target`, firing every timer due on the way at its own instant; settles promises between. */
  async advanceTo(target: Date): Promise<void> {
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= target.getTime()).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.nowMs = Math.max(this.nowMs, due.at);
      due.fire();
    }
    this.nowMs = Math.max(this.nowMs, target.getTime());
    await settle();
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(new Date(this.nowMs + ms));
  }
}

/** Lets pending promise callbacks (async runners, awaited I/O stubs) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
