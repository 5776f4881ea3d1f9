/**
 * Retry timing: exponential backoff with a cap and "equal jitter" (half fixed, half random), so
 * many kiosks coming back after the same outage do not hit the service in lockstep.
 */
export interface BackoffPolicy {
  /** Total attempts including the first (1 = no retry). */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { maxAttempts: 3, initialDelayMs: 200, maxDelayMs: 2_000 };

/** Delay before retry number `retry` (1 = the first retry). `random` in [0, 1). */
export function backoffDelayMs(policy: BackoffPolicy, retry: number, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
