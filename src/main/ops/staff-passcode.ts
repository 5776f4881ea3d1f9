/**
 * The two facility credentials and their rules:
 * - 目視パスコード (staff passcode): 4–8 digits, typed on the kiosk's keypad by reception staff
 *   to switch to visual-check mode (the on-reader passcode MHLW introduced in April 2025).
 * - 管理者パスワード (admin password): 10–128 characters, not digits only, behind the hidden
 *   corner gesture for IT staff. Separate from the staff passcode so reception cannot change settings.
 */
import { KioskError } from '../../shared/errors.js';
import type { AuditSink } from './audit-sink.js';
import { Credential, type CredentialStorage } from './credential.js';
import { OPS_ERRORS } from './error-codes.js';
import type { LockoutPolicy } from './lockout.js';
import type { ScryptParams } from './secret-hash.js';

const STAFF_PASSCODE = /^\d{4,8}$/;

export function checkStaffPasscode(secret: string): KioskError | undefined {
  return STAFF_PASSCODE.test(secret) ? undefined : new KioskError(OPS_ERRORS.PASSCODE_FORMAT.code, OPS_ERRORS.PASSCODE_FORMAT.message);
}

export function checkAdminPassword(secret: string): KioskError | undefined {
  const length = [...secret].length;
  const ok = length >= 10 && length <= 128 && !/^\d+$/.test(secret);
  return ok ? undefined : new KioskError(OPS_ERRORS.ADMIN_PASSWORD_FORMAT.code, OPS_ERRORS.ADMIN_PASSWORD_FORMAT.message);
}

export interface FacilityCredentials {
  readonly staff: Credential;
  readonly admin: Credential;
  /** True once the first-run wizard has set both. */
  ready(): boolean;
}

export function createFacilityCredentials(deps: {
  storage: CredentialStorage;
  audit: AuditSink;
  lockout?: LockoutPolicy;
  scrypt?: ScryptParams;
}): FacilityCredentials {
  const staff = new Credential({ role: 'staff', checkFormat: checkStaffPasscode, ...deps });
  const admin = new Credential({ role: 'admin', checkFormat: checkAdminPassword, ...deps });
  return { staff, admin, ready: () => staff.isSet() && admin.isSet() };
}
