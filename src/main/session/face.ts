/**
 * 顔認証 attempts (PRODUCT.md §3.1): each attempt opens the camera through an effect; live
 * hints explain what is wrong (too close, backlight, card sleeve, ...). A failed attempt offers
 * another try while attempts remain, and the PIN whenever the card has a usable one ("Face
 * failure offers PIN"). With neither left, the patient is sent to staff (目視).
 *
 * Face needs the chip photo, which the card only gives for 照合番号B read off its printed front.
 * When that fails (front unreadable, or the card refused the number: E-CFS-004/005) another face
 * try cannot help on this insertion, so only PIN and 目視 are offered (issue 5: "On failure the
 * patient is offered PIN, and staff 目視").
 */
import type { FaceHint } from '../../shared/snapshot.js';
import { identityConfirmed } from './identity-confirmed.js';
import { faceAvailable, pinAvailable } from './methods.js';
import { startPinEntry } from './pin.js';
import type { SessionState } from './state.js';
import { allocateId, enter, patientOf, stay, withEffects, withPatient, type Step } from './transition.js';

export function startFaceAttempt(state: SessionState): Step {
  const patient = patientOf(state);
  const [requestId, next] = allocateId(withPatient(state, { faceAttempts: patient.faceAttempts + 1 }));
  // The deadline mirrors the guard timer `enter` starts, so the countdown ends when the fallback comes.
  const deadlineMs = next.nowMs + next.config.timeoutsMs.face;
  return enter(next, { name: 'face', requestId, hint: 'searching', deadlineMs }, [{ type: 'start-face-match', requestId }]);
}

/**
 * Whole seconds until the face attempt falls back, or null off the face screen. Rounded up, so
 * it reads 0 only once the time is really over; `nowMs` lags the real clock by up to one tick,
 * which can only make the count shorter than the real wait, never longer.
 */
export function faceSecondsLeft(state: SessionState): number | null {
  if (state.phase.name !== 'face') return null;
  return Math.max(0, Math.ceil((state.phase.deadlineMs - state.nowMs) / 1000));
}

export function faceProgress(state: SessionState, requestId: number, hint: FaceHint): Step | null {
  if (state.phase.name !== 'face' || state.phase.requestId !== requestId) return null;
  if (state.phase.hint === hint) return null;
  return stay(state, { ...state.phase, hint });
}

export function faceResult(
  state: SessionState,
  requestId: number,
  outcome: 'match' | 'no-match' | 'cannot-judge' | 'photo-locked',
): Step | null {
  if (state.phase.name !== 'face' || state.phase.requestId !== requestId) return null;
  if (outcome === 'match') return identityConfirmed(state, 'face');
  if (outcome === 'photo-locked') return faceAttemptFailed(withPatient(state, { photoLocked: true }), outcome);
  return faceAttemptFailed(state, outcome);
}

/** After a failed attempt (including its timeout): offer retry and PIN, or send to staff. */
export function faceAttemptFailed(state: SessionState, outcome: 'no-match' | 'cannot-judge' | 'timeout' | 'photo-locked'): Step {
  const patient = patientOf(state);
  const audit = { type: 'audit', event: { kind: 'face-failed', outcome, attempt: patient.faceAttempts } } as const;
  const options = faceFailedOptions(state);
  const step =
    options.canRetry || options.canUsePin
      ? enter(state, { name: 'face-failed' })
      : enter(state, { name: 'staff-needed', reason: 'face-failed' });
  return withEffects(step, audit);
}

export function faceFailedOptions(state: SessionState): { canRetry: boolean; canUsePin: boolean } {
  const patient = patientOf(state);
  return { canRetry: faceAvailable(state) && patient.faceAttempts < state.config.maxFaceAttempts, canUsePin: pinAvailable(patient) };
}

export function retryFace(state: SessionState): Step | null {
  if (state.phase.name !== 'face-failed' || !faceFailedOptions(state).canRetry) return null;
  return startFaceAttempt(state);
}

/** 暗証番号に切り替える: from a failed attempt, or while the camera is still trying. */
export function usePinInstead(state: SessionState): Step | null {
  if (state.phase.name !== 'face-failed' && state.phase.name !== 'face') return null;
  if (!pinAvailable(patientOf(state))) return null;
  return startPinEntry(state);
}
