/**
 * The steps after identity is confirmed, in order (ARCHITECTURE.md "Data flow of one patient",
 * reader-field-guide §1.1): expiry notice → consent → e-prescription → qualification request.
 * Each step runs only where a rule asks for it; `advanceFlow(state, after)` finds the next one.
 */
import { consentWithoutAsking } from './consent-policy.js';
import type { SessionEffect } from './effects.js';
import { requestQualification } from './qualification.js';
import type { SessionState } from './state.js';
import { enter, patientOf, withPatient, type Step } from './transition.js';

export type FlowStage = 'expiry-notice' | 'consent' | 'e-prescription';

const STAGES: readonly FlowStage[] = ['expiry-notice', 'consent', 'e-prescription'];

/** Enter the first stage after `after` (null: from the start) that applies, else query. */
export function advanceFlow(state: SessionState, after: FlowStage | null): Step {
  let current = state;
  const effects: SessionEffect[] = [];
  for (const stage of STAGES.slice(after === null ? 0 : STAGES.indexOf(after) + 1)) {
    const patient = patientOf(current);
    switch (stage) {
      case 'expiry-notice':
        // PRODUCT.md §3.2: renewal alert and grace notice both need 次に進む.
        if (patient.expiryPhase === 'renewal-alert' || patient.expiryPhase === 'grace') {
          return precededBy(effects, enter(current, { name: 'expiry-notice' }));
        }
        break;
      case 'consent': {
        const skipped = consentWithoutAsking(current);
        if (skipped === null) return precededBy(effects, enter(current, { name: 'consent-choice' }));
        current = withPatient(current, { consent: skipped });
        effects.push({ type: 'audit', event: { kind: 'consent', consent: skipped.kind } });
        break;
      }
      case 'e-prescription':
        // Grace is "qualification check only" (PRODUCT.md §3.2): the question that follows
        // consent is skipped with it, and no choice is sent.
        if (current.config.askPrescription && patient.expiryPhase !== 'grace') {
          return precededBy(effects, enter(current, { name: 'e-prescription' }));
        }
        break;
    }
  }
  return precededBy(effects, requestQualification(current));
}

/** `step` with the effects gathered from skipped stages in front. */
function precededBy(before: readonly SessionEffect[], step: Step): Step {
  return { state: step.state, effects: [...before, ...step.effects] };
}

/** 次に進む on the expiry notice. */
export function continueAfterExpiryNotice(state: SessionState): Step | null {
  if (state.phase.name !== 'expiry-notice') return null;
  return advanceFlow(state, 'expiry-notice');
}

/** 電子処方箋 or 紙 (reader-field-guide §1.6). */
export function choosePrescription(state: SessionState, form: 'electronic' | 'paper'): Step | null {
  if (state.phase.name !== 'e-prescription') return null;
  return advanceFlow(withPatient(state, { ePrescription: form }), 'e-prescription');
}
