/**
 * What happens once the person is confirmed as the card holder, by any method. For an
 * unregistered card this is the 利用登録 authentication step (PRODUCT.md §3.4: terms,
 * authentication, registration, then the normal flow); otherwise the normal flow goes on.
 */
import type { IdentityMethod } from '../../shared/snapshot.js';
import { advanceFlow } from './flow.js';
import type { SessionState } from './state.js';
import { allocateId, enter, patientOf, withPatient, type Step } from './transition.js';

export function identityConfirmed(state: SessionState, method: IdentityMethod): Step {
  const patient = patientOf(state);
  const confirmed = withPatient(state, { method });
  const audit = { type: 'audit', event: { kind: 'authenticated', method, purpose: patient.purpose } } as const;
  if (patient.purpose === 'registration') {
    const [requestId, next] = allocateId(confirmed);
    return enter(next, { name: 'registering', requestId }, [audit, { type: 'register-card', requestId, method }]);
  }
  const step = advanceFlow(confirmed, null);
  return { state: step.state, effects: [audit, ...step.effects] };
}
