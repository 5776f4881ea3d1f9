/**
 * 暗証番号 entry (PRODUCT.md §3.1, reader-field-guide §1.3). The card keeps the try counter: the
 * kiosk shows the 残り回数 the card reported and never invents one. Each submitted PIN goes to
 * the card exactly once; a failure or a silent card never makes the kiosk send it again, since
 * every VERIFY may cost the patient a try. The digits live only in the pin-entry phase and leave
 * the state the moment they are handed to the verify effect.
 */
import { identityConfirmed } from './identity-confirmed.js';
import { Secret } from './secret.js';
import type { SessionState } from './state.js';
import { allocateId, enter, withEffects, withPatient, type Step } from './transition.js';

/** 利用者証明用 PIN: four digits. */
export const PIN_LENGTH = 4;

/** The PIN path needs no chip photo: a prefetched one is wiped now rather than at the visit's end. */
export function startPinEntry(state: SessionState): Step {
  return enter(state, { name: 'pin-entry', digits: new Secret(''), wrongLastTime: false }, [{ type: 'forget-chip-photo' }]);
}

export function pinDigit(state: SessionState, digit: number): Step | null {
  if (state.phase.name !== 'pin-entry' || state.phase.digits.length >= PIN_LENGTH) return null;
  return enter(state, { ...state.phase, digits: state.phase.digits.append(String(digit)) });
}

export function pinDelete(state: SessionState): Step | null {
  if (state.phase.name !== 'pin-entry' || state.phase.digits.length === 0) return null;
  return enter(state, { ...state.phase, digits: state.phase.digits.dropLast() });
}

export function pinSubmit(state: SessionState): Step | null {
  if (state.phase.name !== 'pin-entry' || state.phase.digits.length !== PIN_LENGTH) return null;
  const pin = state.phase.digits;
  const [requestId, next] = allocateId(state);
  return enter(next, { name: 'pin-verifying', requestId }, [{ type: 'verify-pin', requestId, pin }]);
}

export type PinAnswer = { outcome: 'ok' } | { outcome: 'wrong'; triesLeft: number } | { outcome: 'blocked' };

export function pinResult(state: SessionState, requestId: number, answer: PinAnswer): Step | null {
  if (state.phase.name !== 'pin-verifying' || state.phase.requestId !== requestId) return null;
  if (answer.outcome === 'ok') return identityConfirmed(state, 'pin');
  if (answer.outcome === 'wrong' && answer.triesLeft > 0) {
    const step = enter(withPatient(state, { pinTriesLeft: answer.triesLeft }), {
      name: 'pin-entry',
      digits: new Secret(''),
      wrongLastTime: true,
    });
    return withEffects(step, { type: 'audit', event: { kind: 'pin-wrong', triesLeft: answer.triesLeft } });
  }
  // Locked (3 wrong entries, now or on an earlier visit): only staff and 目視 remain.
  const step = enter(withPatient(state, { pinTriesLeft: 0 }), { name: 'staff-needed', reason: 'pin-locked' });
  return withEffects(step, { type: 'audit', event: { kind: 'pin-blocked' } });
}
