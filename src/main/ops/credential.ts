/**
 * One facility credential (the staff 目視 passcode or the admin password): a slow salted hash,
 * a growing lockout after wrong entries, and an audit row for every attempt and change.
 * The secret itself never leaves this file: it is hashed and dropped, and audit rows carry only
 * the role and the outcome.
 */
import { z } from 'zod';
import type { KioskError } from '../../shared/errors.js';
import type { AuditSink } from './audit-sink.js';
import { OPS_ERRORS } from './error-codes.js';
import {
  afterWrongEntry,
  DEFAULT_LOCKOUT_POLICY,
  isLocked,
  lockoutStateSchema,
  UNLOCKED,
  type LockoutPolicy,
} from './lockout.js';
import { DEFAULT_SCRYPT_PARAMS, hashSecret, secretHashSchema, verifySecret, type ScryptParams } from './secret-hash.js';

export type CredentialRole = 'staff' | 'admin';

/** The stored form: one JSON value per role, shaped to live in the settings table. */
export const storedCredentialSchema = z.object({
  hash: secretHashSchema.nullable(),
  lockout: lockoutStateSchema,
});
export type StoredCredential = z.infer<typeof storedCredentialSchema>;
export const EMPTY_CREDENTIAL: StoredCredential = { hash: null, lockout: UNLOCKED };

/** Persistence for credentials (the settings store in the kiosk). Lockouts survive a restart. */
export interface CredentialStorage {
  read(role: CredentialRole): StoredCredential;
  write(role: CredentialRole, value: StoredCredential): void;
}

export type VerifyResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'wrong' }
  /** `code` is the staff code to show (E-OPS-003: run the first-run wizard). */
  | { readonly ok: false; readonly reason: 'not-set'; readonly code: string }
  /** `code` is E-OPS-004; the screen shows `lockedUntil`. */
  | { readonly ok: false; readonly reason: 'locked'; readonly lockedUntil: Date; readonly code: string };

export interface CredentialOptions {
  readonly role: CredentialRole;
  /** Returns a KioskError when the new secret breaks the format rule, undefined when it is fine. */
  readonly checkFormat: (secret: string) => KioskError | undefined;
  readonly storage: CredentialStorage;
  readonly audit: AuditSink;
  readonly lockout?: LockoutPolicy;
  readonly scrypt?: ScryptParams;
}

function locked(untilMs: number): VerifyResult {
  return { ok: false, reason: 'locked', lockedUntil: new Date(untilMs), code: OPS_ERRORS.CREDENTIAL_LOCKED.code };
}

/** Longer inputs are wrong without hashing, so nobody can make the kiosk hash megabytes. */
const MAX_SECRET_LENGTH = 128;

export class Credential {
  /** Attempts run one at a time: two concurrent wrong entries must both count. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CredentialOptions) {}

  get role(): CredentialRole {
    return this.options.role;
  }

  /** For the first-run wizard (初回設定): both credentials must be set before reception starts. */
  isSet(): boolean {
    return this.options.storage.read(this.role).hash !== null;
  }

  verify(secret: string, now: Date): Promise<VerifyResult> {
    return this.serialised(() => this.verifyNow(secret, now.getTime()));
  }

  /** Sets a new secret (admin screen or first-run wizard); clears any lockout. */
  set(secret: string, now: Date): Promise<void> {
    return this.serialised(async () => {
      const formatError = this.options.checkFormat(secret);
      if (formatError) {
        this.record('credential-change-refused', now.getTime(), { errorCode: formatError.code });
        throw formatError;
      }
      const hash = await hashSecret(secret, this.options.scrypt ?? DEFAULT_SCRYPT_PARAMS);
      this.options.storage.write(this.role, { hash, lockout: UNLOCKED });
      this.record('credential-changed', now.getTime(), {});
    });
  }

  private async verifyNow(secret: string, nowMs: number): Promise<VerifyResult> {
    const stored = this.options.storage.read(this.role);
    if (stored.hash === null) {
      this.record('credential-attempt', nowMs, { outcome: 'not-set' });
      return { ok: false, reason: 'not-set', code: OPS_ERRORS.CREDENTIAL_NOT_SET.code };
    }
    if (isLocked(stored.lockout, nowMs)) {
      // Refused without hashing: a locked credential gives no oracle, and the count does not grow.
      this.record('credential-attempt', nowMs, { outcome: 'locked', lockedUntilMs: stored.lockout.lockedUntilMs });
      return locked(stored.lockout.lockedUntilMs);
    }
    const matches = secret.length <= MAX_SECRET_LENGTH && (await verifySecret(secret, stored.hash));
    if (matches) {
      this.options.storage.write(this.role, { hash: stored.hash, lockout: UNLOCKED });
      this.record('credential-attempt', nowMs, { outcome: 'ok' });
      return { ok: true };
    }
    const lockout = afterWrongEntry(stored.lockout, nowMs, this.options.lockout ?? DEFAULT_LOCKOUT_POLICY);
    this.options.storage.write(this.role, { hash: stored.hash, lockout });
    this.record('credential-attempt', nowMs, {
      outcome: 'wrong',
      failures: lockout.failures,
      lockedUntilMs: lockout.lockedUntilMs || null,
    });
    return lockout.lockedUntilMs > nowMs
      ? locked(lockout.lockedUntilMs)
      : { ok: false, reason: 'wrong' };
  }

  private record(kind: string, atMs: number, detail: Record<string, string | number | null>): void {
    this.options.audit.append(kind, { role: this.role, ...detail }, atMs);
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
