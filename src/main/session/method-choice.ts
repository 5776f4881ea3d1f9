/**
 * 本人確認の方法 screen (PRODUCT.md §3.1): the patient picks face or PIN, or asks for staff. Only
 * methods that can work are offered (methods.ts): a path that cannot work is unkind to an
 * 80-year-old. With none left the patient goes straight to staff (目視) instead of a screen with
 * nothing to press.
 */
import type { AuthMethod } from '../../shared/snapshot.js';
import { faceFailedOptions, startFaceAttempt } from './face.js';
import { availableMethods, noMethodReason } from './methods.js';
import { startPinEntry } from './pin.js';
import type { SessionState } from './state.js';
import { enter, stay, type Step } from './transition.js';

/**
 * Enter the method choice, or staff when the card and the kiosk leave no method to pick. With
 * face offered, the chip photo starts unlocking at once: the patient reads the screen for a
 * second or more, and the scan → OCR → 照合番号B takes about as long.
 */
export function offerMethods(state: SessionState): Step {
  const methods = availableMethods(state);
  if (methods.length === 0) return enter(state, { name: 'staff-needed', reason: noMethodReason(state) });
  return enter(state, { name: 'method-choice' }, methods.includes('face') ? [{ type: 'prefetch-chip-photo' }] : []);
}

export function chooseMethod(state: SessionState, method: AuthMethod): Step | null {
  if (state.phase.name !== 'method-choice') return null;
  if (!availableMethods(state).includes(method)) return null;
  return method === 'face' ? startFaceAttempt(state) : startPinEntry(state);
}

/**
 * The face services settled after start (models loaded or not; no scanner configured). A patient
 * already choosing sees the choice change; one whose face attempt just failed is no longer
 * offered a retry, and goes to staff when the PIN cannot help either.
 */
export function faceAvailabilityChanged(state: SessionState, available: boolean): Step | null {
  if (state.faceAvailable === available) return null;
  const next: SessionState = { ...state, faceAvailable: available };
  const phase = next.phase;
  if (phase.name === 'method-choice' && availableMethods(next).length === 0) {
    return enter(next, { name: 'staff-needed', reason: noMethodReason(next) });
  }
  if (phase.name === 'face-failed') {
    const options = faceFailedOptions(next);
    if (!options.canRetry && !options.canUsePin) return enter(next, { name: 'staff-needed', reason: 'face-failed' });
  }
  return stay(next, phase);
}

/** Phases where identity is not yet confirmed and the patient may ask for reception's help. */
const CAN_CALL_STAFF = new Set(['registration-terms', 'method-choice', 'face', 'face-failed', 'pin-entry']);

/** 「職員をお呼びください」: the patient asks for help before identity is confirmed. */
export function callStaff(state: SessionState): Step | null {
  if (!CAN_CALL_STAFF.has(state.phase.name)) return null;
  return enter(state, { name: 'staff-needed', reason: 'patient-request' });
}
