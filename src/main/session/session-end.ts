/**
 * How a patient's session ends. Two ways: the card leaves the reader (at any moment, PRODUCT.md
 * §1 step 6 and ARCHITECTURE.md "Card removal at any moment ends the session cleanly"), or the
 * kiosk gives up on an error screen. Either way the kiosk returns to standby in automatic mode
 * with the default language and text size, and forgets everything about the patient (a chip
 * photo unlocked ahead of time included: forget-chip-photo, also once the visit is done).
 */
import { DEFAULT_LANGUAGE } from '../../shared/languages.js';
import type { Ending, SessionState } from './state.js';
import type { StaffResult } from '../../shared/snapshot.js';
import { enter, withEffects, type Step } from './transition.js';

export function endToStandby(state: SessionState, reason: 'card-removed' | 'error-timeout'): Step {
  const step = enter(
    { ...state, patient: null, language: DEFAULT_LANGUAGE, largeText: false },
    { name: 'standby' },
  );
  return withEffects(step, { type: 'forget-chip-photo' }, { type: 'audit', event: { kind: 'session-ended', reason, step: state.phase.name } });
}

/** "Take your card": the screen stays until the card is removed, reminding ever more insistently. */
export function askToTakeCard(state: SessionState, ending: Ending, result: StaffResult | null): Step {
  return enter(state, { name: 'done', ending, result, reminderLevel: 0 }, [{ type: 'forget-chip-photo' }]);
}
