/**
 * The consent screens (PRODUCT.md §3.3, since Oct 2024): 全て同意する or 個別に同意する, then
 * per item 手術 / 診療・薬剤 / 特定健診 among the items the facility asks. A consent given here
 * is recorded (it lasts 24 h) and travels with the qualification request.
 */
import type { ConsentItem } from '../../shared/snapshot.js';
import type { GivenConsent } from './effects.js';
import { advanceFlow } from './flow.js';
import type { SessionState } from './state.js';
import { enter, withPatient, type Step } from './transition.js';

export function consentAll(state: SessionState): Step | null {
  if (state.phase.name !== 'consent-choice') return null;
  const items: Partial<Record<ConsentItem, boolean>> = {};
  for (const item of state.config.consentItems) items[item] = true;
  return consentGiven(state, items);
}

export function consentIndividually(state: SessionState): Step | null {
  if (state.phase.name !== 'consent-choice') return null;
  return enter(state, { name: 'consent-items', answers: {} });
}

export function consentItem(state: SessionState, item: ConsentItem, agree: boolean): Step | null {
  if (state.phase.name !== 'consent-items' || !state.config.consentItems.includes(item)) return null;
  return enter(state, { name: 'consent-items', answers: { ...state.phase.answers, [item]: agree } });
}

export function allAnswered(state: SessionState, answers: Partial<Record<ConsentItem, boolean>>): boolean {
  return state.config.consentItems.every((item) => answers[item] !== undefined);
}

export function consentConfirm(state: SessionState): Step | null {
  if (state.phase.name !== 'consent-items' || !allAnswered(state, state.phase.answers)) return null;
  return consentGiven(state, state.phase.answers);
}

function consentGiven(state: SessionState, items: Partial<Record<ConsentItem, boolean>>): Step {
  const consent: GivenConsent = { kind: 'given', items };
  const step = advanceFlow(withPatient(state, { consent }), 'consent');
  return {
    state: step.state,
    effects: [
      { type: 'record-consent', consent, at: new Date(state.nowMs) },
      { type: 'audit', event: { kind: 'consent', consent: 'given' } },
      ...step.effects,
    ],
  };
}

/** The consent store's answer to the lookup made at card read. */
export function consentOnFile(state: SessionState, requestId: number, grantedAt: Date | null): Step | null {
  if (state.patient === null || state.patient.consentLookupId !== requestId) return null;
  if (state.patient.consentOnFile !== 'pending') return null;
  const consentOnFile = grantedAt === null ? null : { grantedAtMs: grantedAt.getTime() };
  return { state: withPatient(state, { consentOnFile }), effects: [] };
}
