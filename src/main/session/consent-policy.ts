/**
 * When the consent question (PRODUCT.md §3.3) is skipped, and what is sent instead:
 * - grace period of an expired certificate: no consent is asked and none is sent (§3.2);
 * - the facility asks no items: nothing to ask;
 * - a consent given less than 24 hours ago is on file: it still holds, do not ask again.
 * A store answer that has not arrived yet counts as "nothing on file": asking once too often
 * is harmless, skipping a needed question is not.
 */
import type { ConsentToSend } from './effects.js';
import type { SessionState } from './state.js';
import { patientOf } from './transition.js';

/** 同意の有効期間: 24 hours. */
export const CONSENT_VALIDITY_MS = 24 * 60 * 60 * 1000;

export function consentWithoutAsking(state: SessionState): ConsentToSend | null {
  const patient = patientOf(state);
  if (patient.expiryPhase === 'grace') return { kind: 'none', reason: 'grace-period' };
  if (state.config.consentItems.length === 0) return { kind: 'none', reason: 'no-items' };
  const onFile = patient.consentOnFile;
  if (onFile !== null && onFile !== 'pending') {
    const age = state.nowMs - onFile.grantedAtMs;
    if (age >= 0 && age < CONSENT_VALIDITY_MS) return { kind: 'on-file' };
  }
  return null;
}
