/**
 * One diagnostic check (診断項目) of the watchdog, and the state staff see for it: green or red,
 * the last error with its staff code, and when the check last ran.
 */
import type { OPS_ERRORS } from './error-codes.js';

export type CheckName = 'reader' | 'pcscd' | 'camera' | 'models' | 'service' | 'disk';

export interface CheckError {
  readonly code: string;
  readonly message: string;
}

export type CheckOutcome = { readonly ok: true } | ({ readonly ok: false } & CheckError);

export interface HealthCheck {
  readonly name: CheckName;
  run(): Promise<CheckOutcome>;
}

export interface CheckState {
  readonly name: CheckName;
  /** undefined until the check first ran. */
  readonly ok: boolean | undefined;
  /** The most recent failure, kept after recovery so staff can see what happened and when. */
  readonly lastError: (CheckError & { readonly at: Date }) | null;
  /** When the check last ran. */
  readonly at: Date | null;
}

export function failure(error: (typeof OPS_ERRORS)[keyof typeof OPS_ERRORS], detail?: string): CheckOutcome {
  return { ok: false, code: error.code, message: detail ? `${error.message} (${detail})` : error.message };
}

/** A check over a flag another module keeps (e.g. "face models loaded"). */
export function flagCheck(name: CheckName, isOk: () => boolean, error: (typeof OPS_ERRORS)[keyof typeof OPS_ERRORS]): HealthCheck {
  return { name, run: async () => (isOk() ? { ok: true } : failure(error)) };
}
