/**
 * The qualification request (資格確認) and what its answer means for staff (PRODUCT.md §3.5):
 * 有効 → normal reception; 資格(無効) → the old qualification (旧資格) is shown and used for the
 * claim; 資格情報なし → マイナポータル / 資格情報のお知らせ, else 被保険者資格申立書; service
 * unreachable → the request is queued and reception continues; refused by the service (e.g.
 * certificate revoked) → the same documents as 資格情報なし, and staff see the refusal's code, which
 * names the remedy (renewal, 利用登録, the kiosk's device registration). In every case the patient
 * is told to take the card, and nothing blocks on a "●" in the name.
 */
import { staffResultSchema, type IdentityMethod, type QualificationOutcome, type StaffNextStep, type StaffResult } from '../../shared/snapshot.js';
import type { InsuranceFacts, QualificationAnswer } from './events.js';
import { jstDateOf, toIsoDate } from './calendar-date.js';
import { askToTakeCard } from './session-end.js';
import type { Patient, SessionState } from './state.js';
import { allocateId, enter, patientOf, withEffects, type Step } from './transition.js';

const NEXT_STEP: Record<QualificationOutcome, StaffNextStep> = {
  valid: 'none',
  invalid: 'use-old-qualification',
  'not-found': 'self-declaration',
  unreachable: 'confirm-later',
  // Not confirmed online: the patient's documents (資格確認書, お知らせ, マイナポータル) or 申立書.
  rejected: 'self-declaration',
};

/** The qualification module's "request refused" code: shown when a refusal's code is malformed. */
const GENERIC_REFUSAL = 'E-OQS-002';
const refusalCodeSchema = staffResultSchema.shape.refusal.unwrap().shape.code;

/** Characters outside the shared character set arrive as this mark (PRODUCT.md §3.7). */
const PLACEHOLDER = '●';
const MAX_TEXT = 100;

export function requestQualification(state: SessionState): Step {
  const patient = patientOf(state);
  const [requestId, next] = allocateId(state);
  if (patient.consent === null) throw new Error('session invariant: qualification requested before consent was settled');
  return enter(next, { name: 'querying', requestId }, [
    {
      type: 'request-qualification',
      requestId,
      method: confirmedMethod(patient),
      consent: patient.consent,
      ePrescription: patient.ePrescription,
    },
  ]);
}

export function qualificationResult(state: SessionState, requestId: number, answer: QualificationAnswer): Step | null {
  if (state.phase.name !== 'querying' || state.phase.requestId !== requestId) return null;
  return finish(state, answer);
}

/** The service did not answer in time: queue the request and let reception go on. */
export function qualificationTimedOut(state: SessionState): Step | null {
  if (state.phase.name !== 'querying') return null;
  const { requestId } = state.phase;
  const step = finish(state, { outcome: 'unreachable' });
  return { state: step.state, effects: [{ type: 'defer-qualification', requestId }, ...step.effects] };
}

function finish(state: SessionState, answer: QualificationAnswer): Step {
  const step = askToTakeCard(state, 'completed', staffResult(state, answer));
  return withEffects(step, { type: 'audit', event: { kind: 'qualification', outcome: answer.outcome } });
}

export function staffResult(state: SessionState, answer: QualificationAnswer): StaffResult {
  const patient = patientOf(state);
  const hasPerson = answer.outcome === 'valid' || answer.outcome === 'invalid';
  const names = hasPerson ? [answer.name, answer.kanaName] : [];
  return {
    outcome: answer.outcome,
    method: confirmedMethod(patient),
    kanaName: hasPerson ? bounded(answer.kanaName) : null,
    nameHasPlaceholder: names.some((name) => name?.includes(PLACEHOLDER) === true),
    insurance: answer.outcome === 'valid' ? insurance(answer.insurance) : null,
    oldInsurance: answer.outcome === 'invalid' ? insurance(answer.oldInsurance) : null,
    consentSent: patient.consent?.kind === 'given',
    nextStep: NEXT_STEP[answer.outcome],
    refusal: answer.outcome === 'rejected' ? refusal(answer) : null,
  };
}

function refusal(answer: Extract<QualificationAnswer, { outcome: 'rejected' }>): StaffResult['refusal'] {
  const notAfter = answer.certificateNotAfter;
  return {
    code: refusalCodeSchema.safeParse(answer.code).success ? answer.code : GENERIC_REFUSAL,
    certificateNotAfter: notAfter !== null && !Number.isNaN(notAfter.getTime()) ? toIsoDate(jstDateOf(notAfter)) : null,
  };
}

/** The method that confirmed identity; every phase from the flow on has one. */
function confirmedMethod(patient: Patient): IdentityMethod {
  if (patient.method === null) throw new Error('session invariant: identity not confirmed');
  return patient.method;
}

function bounded(text: string | null): string | null {
  return text === null ? null : text.slice(0, MAX_TEXT);
}

/** Facts that do not fit the snapshot contract are shown as unknown rather than dropped whole. */
function insurance(facts: InsuranceFacts): StaffResult['insurance'] {
  const share = facts.sharePercent;
  return {
    insurerName: bounded(facts.insurerName),
    insurerNumber: facts.insurerNumber !== null && /^\d{6,8}$/.test(facts.insurerNumber) ? facts.insurerNumber : null,
    sharePercent: share !== null && Number.isInteger(share) && share >= 0 && share <= 100 ? share : null,
  };
}
