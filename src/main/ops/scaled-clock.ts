/**
 * The scheduler's clock for end-to-end tests: starts at a given instant and runs `rate` times
 * faster than real time, so "a restart two minutes ahead" takes seconds. It can only be switched
 * on by an environment variable together with the demo (simulated card and service): a kiosk
 * started with --no-demo, as every real installation is, always uses the system clock, and says
 * so in the log if the variable is set anyway. Only the restart scheduler gets this clock; session
 * timeouts, the watchdog and the healer keep real time.
 */
import type { Logger } from '../core/logger.js';
import { systemClock, type OpsClock } from './clock.js';

/** Longest real sleep, as in systemClock: wake up and re-read the clock. */
const MAX_REAL_SLEEP_MS = 1_000;

export function scaledClock(startAt: Date, rate: number, realNow: () => number = Date.now): OpsClock {
  const realStart = realNow();
  const now = () => new Date(startAt.getTime() + (realNow() - realStart) * rate);
  return {
    now,
    setTimer(at, fire) {
      let handle: NodeJS.Timeout | undefined;
      const arm = () => {
        const remaining = at.getTime() - now().getTime();
        if (remaining <= 0) {
          handle = undefined;
          fire();
          return;
        }
        handle = setTimeout(arm, Math.min(Math.ceil(remaining / rate), MAX_REAL_SLEEP_MS));
        handle.unref();
      };
      arm();
      return () => {
        if (handle) clearTimeout(handle);
        handle = undefined;
      };
    },
  };
}

/** KIOSK_TEST_CLOCK_START (ISO instant) and KIOSK_TEST_CLOCK_RATE (default 1), demo only. */
export function schedulerClockFromEnv(env: NodeJS.ProcessEnv, demo: boolean, log: Logger): OpsClock {
  const start = env.KIOSK_TEST_CLOCK_START;
  if (start === undefined) return systemClock;
  const at = new Date(start);
  const rate = Number(env.KIOSK_TEST_CLOCK_RATE ?? '1');
  if (!demo || Number.isNaN(at.getTime()) || !(rate >= 1 && rate <= 1000)) {
    log.error({ demo, start, rate }, 'KIOSK_TEST_CLOCK_START ignored: test clock only with the demo and a valid instant and rate (1–1000)');
    return systemClock;
  }
  log.warn({ start, rate }, 'TEST CLOCK: the restart scheduler runs on a test clock (demo only)');
  return scaledClock(at, rate);
}
