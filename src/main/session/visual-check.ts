/**
 * 目視 (visual check, PRODUCT.md §3.1 and reader-field-guide §2.1): staff press the button on the
 * 本人確認 screen, enter the facility passcode (checked by an effect, never kept), compare the
 * person with the card photo and answer yes or no. 目視 belongs to this one patient: nothing of
 * it outlives the session, so the kiosk is back in automatic mode (自動運転) for the next card
 * without anyone switching it back.
 *
 * Staff compare with the card's own photo: entering 目視 asks for it (load-chip-photo), and it is
 * shown while this phase lasts and dropped with it. If it cannot be read, staff are told why and
 * use the photo printed on the card; the yes/no answer never waits for it.
 *
 * 目視 confirms a visit, not a 利用登録: the sources describe registration at the reader with
 * PIN or face only (reader-field-guide §1.9), so the staff button is not offered for it.
 */
import { identityConfirmed } from './identity-confirmed.js';
import { Secret } from './secret.js';
import { askToTakeCard } from './session-end.js';
import type { PhaseName, SessionState } from './state.js';
import { allocateId, enter, patientOf, stay, withEffects, type Step } from './transition.js';

/** Wrong passcodes in a row before the screen falls back to "call staff". */
export const MAX_PASSCODE_ATTEMPTS = 3;

/** Where the staff button is offered: identity not yet confirmed and no device busy. */
const CAN_START_VISUAL_CHECK: ReadonlySet<PhaseName> = new Set([
  'method-choice',
  'face',
  'face-failed',
  'pin-entry',
  'staff-needed',
]);

export function visualCheckOffered(state: SessionState): boolean {
  return CAN_START_VISUAL_CHECK.has(state.phase.name) && patientOf(state).purpose === 'confirmation';
}

export function requestVisualCheck(state: SessionState): Step | null {
  if (!visualCheckOffered(state)) return null;
  return enter(state, { name: 'staff-passcode', wrongAttempts: 0 });
}

export function staffPasscode(state: SessionState, passcode: string): Step | null {
  if (state.phase.name !== 'staff-passcode') return null;
  const [requestId, next] = allocateId(state);
  return enter(next, { name: 'staff-passcode-verifying', requestId, wrongAttempts: state.phase.wrongAttempts }, [
    { type: 'verify-staff-passcode', requestId, passcode: new Secret(passcode) },
  ]);
}

export function staffPasscodeResult(state: SessionState, requestId: number, ok: boolean): Step | null {
  if (state.phase.name !== 'staff-passcode-verifying' || state.phase.requestId !== requestId) return null;
  const audit = { type: 'audit', event: { kind: 'staff-passcode', ok } } as const;
  if (ok) {
    const [photoRequest, next] = allocateId(state);
    return withEffects(enter(next, { name: 'visual-check', chipPhoto: { status: 'loading', requestId: photoRequest } }, [{ type: 'load-chip-photo', requestId: photoRequest }]), audit);
  }
  const wrongAttempts = state.phase.wrongAttempts + 1;
  const step =
    wrongAttempts >= MAX_PASSCODE_ATTEMPTS
      ? enter(state, { name: 'staff-needed', reason: 'passcode-check-failed' })
      : enter(state, { name: 'staff-passcode', wrongAttempts });
  return withEffects(step, audit);
}

export function chipPhotoLoaded(state: SessionState, requestId: number, photo: { ok: true; dataUrl: string } | { ok: false; code: string }): Step | null {
  const phase = state.phase;
  if (phase.name !== 'visual-check' || phase.chipPhoto.status !== 'loading' || phase.chipPhoto.requestId !== requestId) return null;
  const chipPhoto = photo.ok ? ({ status: 'shown', dataUrl: photo.dataUrl } as const) : ({ status: 'unavailable', code: photo.code } as const);
  return stay(state, { ...phase, chipPhoto });
}

export function visualCheckResult(state: SessionState, confirmed: boolean): Step | null {
  if (state.phase.name !== 'visual-check') return null;
  const audit = { type: 'audit', event: { kind: 'visual-check', confirmed } } as const;
  const step = confirmed ? identityConfirmed(state, 'visual') : askToTakeCard(state, 'identity-not-confirmed', null);
  return { state: step.state, effects: [audit, ...step.effects] };
}

/** Phases staff may cancel: a patient is present and nothing is waiting on a device or service. */
const CAN_CANCEL: ReadonlySet<PhaseName> = new Set([
  'registration-terms',
  'registration-complete',
  'method-choice',
  'face',
  'face-failed',
  'pin-entry',
  'staff-needed',
  'staff-passcode',
  'visual-check',
  'expiry-notice',
  'consent-choice',
  'consent-items',
  'e-prescription',
]);

/** Staff stop this patient's session; the kiosk asks for the card back. */
export function staffCancel(state: SessionState): Step | null {
  if (!CAN_CANCEL.has(state.phase.name)) return null;
  return askToTakeCard(state, 'cancelled', null);
}
