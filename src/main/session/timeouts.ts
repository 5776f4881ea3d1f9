/**
 * What each waiting phase does when its guard timer fires (ARCHITECTURE.md: "Every step has a
 * timeout, a staff-visible error code and a way back to standby"). Only the timer of the current
 * phase counts: a timer-fired with any other id is stale and ignored.
 */
import { SESSION_ERRORS, SESSION_ERROR_MESSAGES } from './error-codes.js';
import { faceAttemptFailed } from './face.js';
import { standbyIdle } from './preferences.js';
import { qualificationTimedOut } from './qualification.js';
import { askToTakeCard, endToStandby } from './session-end.js';
import type { SessionState } from './state.js';
import { enter, stay, withEffects, type Step } from './transition.js';

export function timerFired(state: SessionState, id: string): Step | null {
  if (id !== state.timer) return null;
  const expired: SessionState = { ...state, timer: null };
  const phase = expired.phase;
  switch (phase.name) {
    case 'standby':
      return standbyIdle(expired);
    case 'error':
      return endToStandby(expired, 'error-timeout');
    case 'card-unusable':
    case 'done':
      return remindAgain(expired);
    case 'reading':
      return errorScreen(expired, SESSION_ERRORS.CARD_READ_TIMEOUT);
    case 'pin-verifying':
      // The card never answered: show a code, and do not send the PIN again.
      return errorScreen(expired, SESSION_ERRORS.PIN_VERIFY_TIMEOUT);
    case 'face':
      return audited(faceAttemptFailed(expired, 'timeout'), expired, SESSION_ERRORS.FACE_TIMEOUT);
    case 'registering':
      return audited(
        enter(expired, { name: 'staff-needed', reason: 'registration-failed' }),
        expired,
        SESSION_ERRORS.REGISTRATION_FAILED,
      );
    case 'staff-passcode-verifying':
      return audited(
        enter(expired, { name: 'staff-needed', reason: 'passcode-check-failed' }),
        expired,
        SESSION_ERRORS.STAFF_TIMEOUT,
      );
    case 'querying': {
      const step = qualificationTimedOut(expired);
      return step && audited(step, expired, SESSION_ERRORS.QUALIFICATION_TIMEOUT);
    }
    case 'staff-needed':
    case 'staff-passcode':
    case 'visual-check':
      return audited(askToTakeCard(expired, 'timed-out', null), expired, SESSION_ERRORS.STAFF_TIMEOUT);
    case 'registration-terms':
    case 'registration-complete':
    case 'method-choice':
    case 'face-failed':
    case 'pin-entry':
    case 'expiry-notice':
    case 'consent-choice':
    case 'consent-items':
    case 'e-prescription':
      // The patient stopped answering: end politely and ask for the card back.
      return audited(askToTakeCard(expired, 'timed-out', null), expired, SESSION_ERRORS.PATIENT_TIMEOUT);
  }
}

function audited(step: Step, before: SessionState, code: string): Step {
  return withEffects(step, { type: 'audit', event: { kind: 'timeout', step: before.phase.name, code } });
}

type ScreenErrorCode = keyof typeof SESSION_ERROR_MESSAGES;

function errorScreen(state: SessionState, code: ScreenErrorCode): Step {
  const step = enter({ ...state, patient: null }, { name: 'error', error: { code, message: SESSION_ERROR_MESSAGES[code] } });
  return audited(step, state, code);
}

/** "Take your card" again, more insistently, up to the highest level; then it stays there. */
function remindAgain(state: SessionState): Step {
  const phase = state.phase;
  if (phase.name !== 'done' && phase.name !== 'card-unusable') return { state, effects: [] };
  const reminderLevel = Math.min(phase.reminderLevel + 1, state.config.maxReminderLevel);
  const next = { ...phase, reminderLevel };
  return reminderLevel < state.config.maxReminderLevel ? enter(state, next) : stay(state, next);
}
