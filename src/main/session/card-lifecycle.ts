/**
 * The card arriving, being read, failing and leaving (ARCHITECTURE.md "Data flow of one
 * patient": CardInserted → read token + certificate (no PIN) → registered? → expiry phase →
 * method choice). Also the consent-store lookup, started at read time so its answer is in
 * before the consent step (PRODUCT.md §3.3, 24 h validity).
 */
import { ERROR_CODES, errorCodeSchema } from '../../shared/errors.js';
import type { CardFacts } from './events.js';
import { expiryCalendar, phaseOn } from './expiry.js';
import { jstDateOf } from './calendar-date.js';
import { offerMethods } from './method-choice.js';
import { endToStandby } from './session-end.js';
import type { SessionState } from './state.js';
import { allocateId, enter, withEffects, type Step } from './transition.js';

export function cardInserted(state: SessionState, at: Date): Step | null {
  if (state.phase.name !== 'standby') return null;
  const [requestId, next] = allocateId({ ...state, nowMs: at.getTime() });
  return enter(next, { name: 'reading', requestId }, [
    { type: 'audit', event: { kind: 'session-started' } },
    { type: 'read-card', requestId },
  ]);
}

export function cardRead(state: SessionState, requestId: number, card: CardFacts): Step | null {
  if (state.phase.name !== 'reading' || state.phase.requestId !== requestId) return null;
  const expiry = expiryCalendar(card.certificateNotAfter);
  const expiryPhase = phaseOn(expiry, jstDateOf(new Date(state.nowMs)));
  const audit = {
    type: 'audit',
    event: { kind: 'card-read', cardKind: card.kind, registered: card.registered, noSecretCode: card.pinless, expiryPhase },
  } as const;

  // Reader error 002: not a マイナンバーカード.
  if (card.kind === 'other') {
    return enter(state, { name: 'card-unusable', reason: 'not-my-number-card', reminderLevel: 0 }, [audit]);
  }
  const [consentLookupId, next] = allocateId(state);
  const withCard: SessionState = {
    ...next,
    patient: {
      pinless: card.pinless,
      pinTriesLeft: card.pinTriesLeft,
      expiry,
      expiryPhase,
      purpose: card.registered ? 'confirmation' : 'registration',
      faceAttempts: 0,
      photoLocked: false,
      method: null,
      consentOnFile: 'pending',
      consentLookupId,
      consent: null,
      ePrescription: null,
    },
  };
  // PRODUCT.md §3.2 expired: past the grace period the card cannot be used (reader error 006).
  if (expiryPhase === 'expired') {
    return enter(withCard, { name: 'card-unusable', reason: 'certificate-expired', reminderLevel: 0 }, [audit]);
  }
  const lookup = { type: 'lookup-consent', requestId: consentLookupId } as const;
  // PRODUCT.md §3.4: an unregistered card goes to 健康保険証利用登録 first.
  if (!card.registered) return enter(withCard, { name: 'registration-terms' }, [audit, lookup]);
  const step = offerMethods(withCard);
  return { state: step.state, effects: [audit, lookup, ...step.effects] };
}

export function cardRemoved(state: SessionState): Step | null {
  if (state.phase.name === 'standby') return null;
  return endToStandby(state, 'card-removed');
}

/**
 * A card or reader failure: show the staff code; the error screen returns to standby by itself.
 * A code that is not of the staff form (a bug in the reporting module) is shown as E-SYS-001
 * rather than breaking the snapshot contract.
 */
export function cardError(state: SessionState, reported: string, message: string): Step | null {
  if (state.phase.name === 'standby' || state.phase.name === 'error') return null;
  const code = errorCodeSchema.safeParse(reported).success ? reported : ERROR_CODES.INTERNAL;
  const step = enter({ ...state, patient: null }, { name: 'error', error: { code, message: message.slice(0, 300) } });
  return withEffects(step, { type: 'forget-chip-photo' }, { type: 'audit', event: { kind: 'card-error', code, step: state.phase.name } });
}
