/**
 * Time as the ops services see it: `now()` and one-shot timers at an instant. Injected so the
 * scheduler and watchdog are tested with a controllable clock and no real waiting.
 */
export interface OpsClock {
  now(): Date;
  /** Calls `fire` once at (or soon after) `at`; returns a cancel function. */
  setTimer(at: Date, fire: () => void): () => void;
}

/**
 * Longest single sleep. A long setTimeout keeps counting in monotonic time, so after the machine
 * sleeps or the wall clock is corrected it would fire at the wrong wall-clock moment; waking at
 * least once a minute and re-checking the wall clock keeps "03:30 JST" meaning 03:30 JST.
 */
const MAX_SLEEP_MS = 60_000;

export const systemClock: OpsClock = {
  now: () => new Date(),
  setTimer(at, fire) {
    let handle: NodeJS.Timeout | undefined;
    const arm = () => {
      const remaining = at.getTime() - Date.now();
      if (remaining <= 0) {
        handle = undefined;
        fire();
        return;
      }
      handle = setTimeout(arm, Math.min(remaining, MAX_SLEEP_MS));
      // A pending maintenance timer must not keep a finished process (tests, scripts) alive.
      handle.unref();
    };
    arm();
    return () => {
      if (handle) clearTimeout(handle);
      handle = undefined;
    };
  },
};
