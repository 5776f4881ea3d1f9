/**
 * 健康保険証利用登録 at the kiosk (PRODUCT.md §3.4): an unregistered card is taken through the
 * terms, authentication (PIN or face; the kiosk is the only route for a PIN-less card), the
 * registration itself, then the normal flow without authenticating a second time.
 */
import { advanceFlow } from './flow.js';
import { offerMethods } from './method-choice.js';
import type { SessionState } from './state.js';
import { enter, withEffects, withPatient, type Step } from './transition.js';

/** 利用規約に同意: on to the method choice, now for registration. */
export function agreeTerms(state: SessionState): Step | null {
  if (state.phase.name !== 'registration-terms') return null;
  return offerMethods(state);
}

export function registrationResult(state: SessionState, requestId: number, ok: boolean): Step | null {
  if (state.phase.name !== 'registering' || state.phase.requestId !== requestId) return null;
  const audit = { type: 'audit', event: { kind: 'registration', ok } } as const;
  if (!ok) return withEffects(enter(state, { name: 'staff-needed', reason: 'registration-failed' }), audit);
  const registered = withPatient(state, { purpose: 'confirmation' });
  return withEffects(enter(registered, { name: 'registration-complete' }), audit);
}

/** 次に進む after 登録完了: the normal flow, without authenticating a second time. */
export function continueAfterRegistration(state: SessionState): Step | null {
  if (state.phase.name !== 'registration-complete') return null;
  return advanceFlow(state, null);
}
