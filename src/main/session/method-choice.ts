/**
 * 本人確認の方法 screen (PRODUCT.md §3.1): the patient picks face or PIN, or asks for staff.
 */
import type { AuthMethod } from '../../shared/snapshot.js';
import { startFaceAttempt } from './face.js';
import { availableMethods } from './methods.js';
import { startPinEntry } from './pin.js';
import type { SessionState } from './state.js';
import { enter, patientOf, type Step } from './transition.js';

export function chooseMethod(state: SessionState, method: AuthMethod): Step | null {
  if (state.phase.name !== 'method-choice') return null;
  if (!availableMethods(patientOf(state)).includes(method)) return null;
  return method === 'face' ? startFaceAttempt(state) : startPinEntry(state);
}

/** Phases where identity is not yet confirmed and the patient may ask for reception's help. */
const CAN_CALL_STAFF = new Set(['registration-terms', 'method-choice', 'face', 'face-failed', 'pin-entry']);

/** 「職員をお呼びください」: the patient asks for help before identity is confirmed. */
export function callStaff(state: SessionState): Step | null {
  if (!CAN_CALL_STAFF.has(state.phase.name)) return null;
  return enter(state, { name: 'staff-needed', reason: 'patient-request' });
}
