/**
 * Which methods the patient may pick (PRODUCT.md §3.1): face while the kiosk's face services can
 * work; PIN unless the card is a PIN-less 顔認証マイナンバーカード or its PIN is locked. 目視 is a
 * staff button, not listed here. With nothing to pick the patient goes to staff (methodsOrStaff):
 * "PIN locked or forgotten leads to staff and 目視. A PIN-less 顔認証マイナンバーカード allows only
 * face or 目視."
 */
import type { AuthMethod } from '../../shared/snapshot.js';
import type { Patient, SessionState, StaffNeededReason } from './state.js';
import { patientOf } from './transition.js';

export function pinAvailable(patient: Patient): boolean {
  return !patient.pinless && patient.pinTriesLeft > 0;
}

/** Face can work for this patient: the kiosk has it and this card's front did not refuse it. */
export function faceAvailable(state: SessionState): boolean {
  return state.faceAvailable && !patientOf(state).photoLocked;
}

export function availableMethods(state: SessionState): AuthMethod[] {
  const methods: AuthMethod[] = [];
  if (faceAvailable(state)) methods.push('face');
  if (pinAvailable(patientOf(state))) methods.push('pin');
  return methods;
}

/**
 * Why the patient is sent to staff when no method is left. 目視 confirms visits only (see
 * visual-check.ts), so an unregistered card cannot be registered today; otherwise the screen
 * names what is missing: the locked PIN, or face (a PIN-less card has nothing else), telling a
 * face that did not match apart from a kiosk that cannot do face at all (not the patient's doing).
 */
export function noMethodReason(state: SessionState): StaffNeededReason {
  const patient = patientOf(state);
  if (patient.purpose === 'registration') return 'registration-failed';
  if (!patient.pinless) return 'pin-locked';
  return faceAvailable(state) ? 'face-failed' : 'face-unavailable';
}
