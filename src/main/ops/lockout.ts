/**
 * Growing lockout after wrong passcode entries (入力誤りロック). Pure: state in, state out, so the
 * policy is tested without a clock. After `freeAttempts` consecutive wrong entries the credential
 * locks for `baseMs`; every further wrong entry (after the lock ends) locks again for twice as
 * long, up to `capMs`. Only a correct entry resets the count, so waiting out a lock buys one guess,
 * not three: a 4-digit passcode then needs days, not minutes, to brute-force.
 */
import { z } from 'zod';

export const lockoutStateSchema = z.object({
  /** Consecutive wrong entries since the last correct one. */
  failures: z.number().int().min(0),
  /** Epoch ms until which entries are refused; 0 when not locked. */
  lockedUntilMs: z.number().int().min(0),
});
export type LockoutState = z.infer<typeof lockoutStateSchema>;

export interface LockoutPolicy {
  readonly freeAttempts: number;
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { freeAttempts: 3, baseMs: 30_000, capMs: 15 * 60_000 };

export const UNLOCKED: LockoutState = { failures: 0, lockedUntilMs: 0 };

export function isLocked(state: LockoutState, nowMs: number): boolean {
  return nowMs < state.lockedUntilMs;
}

/** Lock length for the n-th wrong entry (1-based), 0 while still within the free attempts. */
export function lockDurationMs(failures: number, policy: LockoutPolicy): number {
  const level = failures - policy.freeAttempts;
  if (level < 0) return 0;
  // Exponent capped before computing, so a huge failure count cannot overflow to Infinity.
  return Math.min(policy.baseMs * 2 ** Math.min(level, 30), policy.capMs);
}

export function afterWrongEntry(state: LockoutState, nowMs: number, policy: LockoutPolicy): LockoutState {
  const failures = state.failures + 1;
  const duration = lockDurationMs(failures, policy);
  return { failures, lockedUntilMs: duration > 0 ? nowMs + duration : 0 };
}
