/**
 * The reception session engine: one pure function `reduce(state, event) → { state, effects }`.
 * No I/O and no clock: hardware, services, storage and time reach it only as events, and all it
 * does to the world is return effects (effects.ts) for the runner to execute.
 *
 * Phases and the rules they implement (PRODUCT.md sections; reader-field-guide §1 screens):
 *
 *   standby ──card-inserted──▶ reading ──card-read──▶ …          card-lifecycle.ts   §1 steps 1–2
 *   card-unusable   not a マイナンバーカード / certificate past grace  card-lifecycle.ts   §3.2 expired
 *   registration-terms → (method choice …) → registering
 *     → registration-complete                                      registration.ts     §3.4
 *   method-choice   face / PIN (each only when it can work; none →  method-choice.ts    §3.1
 *                   staff)
 *   face → face-failed (retry / PIN / staff)                        face.ts             §3.1
 *   pin-entry → pin-verifying (once per entry; 残り回数 from card)   pin.ts              §3.1
 *   staff-needed → staff-passcode → visual-check (目視)             visual-check.ts     §3.1
 *   expiry-notice   renewal alert / grace notice, 次に進む          flow.ts, expiry.ts  §3.2
 *   consent-choice → consent-items (skipped in grace, < 24 h, none) consent*.ts         §3.3
 *   e-prescription  電子 / 紙 where the facility asks               flow.ts             §3.3
 *   querying → done (result for staff, "take your card")          qualification.ts    §3.5
 *   error           staff code; back to standby by itself          timeouts.ts
 *
 * Card removal ends the session from any phase (session-end.ts); every phase but standby has a
 * guard timer whose expiry rule is in timeouts.ts; language and large text (preferences.ts) may
 * change at any time and reset when the session ends. Facility settings saved at standby apply
 * at once (settings-changed.ts); a patient keeps the settings their visit started with.
 */
import type { Intent } from '../../shared/intents.js';
import type { SessionEffect } from './effects.js';
import type { SessionEvent } from './events.js';
import { cardError, cardInserted, cardRead, cardRemoved } from './card-lifecycle.js';
import { consentAll, consentConfirm, consentIndividually, consentItem, consentOnFile } from './consent.js';
import { faceProgress, faceResult, faceSecondsLeft, retryFace, usePinInstead } from './face.js';
import { choosePrescription, continueAfterExpiryNotice } from './flow.js';
import { callStaff, chooseMethod, faceAvailabilityChanged } from './method-choice.js';
import { pinDelete, pinDigit, pinResult, pinSubmit } from './pin.js';
import { setLanguage, setLargeText } from './preferences.js';
import { qualificationResult } from './qualification.js';
import { agreeTerms, continueAfterRegistration, registrationResult } from './registration.js';
import { toSnapshot } from './snapshot.js';
import type { SessionState } from './state.js';
import { settingsChanged } from './settings-changed.js';
import { timerFired } from './timeouts.js';
import type { Step } from './transition.js';
import { chipPhotoLoaded, requestVisualCheck, staffCancel, staffPasscode, staffPasscodeResult, visualCheckResult } from './visual-check.js';

export { initialState } from './state.js';

export interface ReduceResult {
  readonly state: SessionState;
  readonly effects: readonly SessionEffect[];
  /**
   * False when the event does not apply to the current phase (a stale answer, an intent for
   * another screen). The state is then unchanged and the runner answers an intent with
   * E-IPC-003.
   */
  readonly handled: boolean;
}

export function reduce(state: SessionState, event: SessionEvent): ReduceResult {
  if (event.type === 'tick') return clockMoved(state, event.now.getTime());
  const step = route(state, event);
  if (step === null) return { state, effects: [], handled: false };
  if ((event.type === 'face-availability' || event.type === 'settings-changed') && !changesScreen(state, step.state)) return { state: step.state, effects: step.effects, handled: true };
  return { state: { ...step.state, revision: state.revision + 1 }, effects: step.effects, handled: true };
}

/** A kiosk-wide fact (face availability, saved settings) sends a new snapshot only to a screen that shows it. */
function changesScreen(before: SessionState, after: SessionState): boolean {
  return JSON.stringify(toSnapshot(before)) !== JSON.stringify(toSnapshot(after));
}

/** The clock changes no screen (no new snapshot), except the face countdown the patient is watching. */
function clockMoved(state: SessionState, nowMs: number): ReduceResult {
  const next: SessionState = { ...state, nowMs };
  const countdownMoved = faceSecondsLeft(next) !== faceSecondsLeft(state);
  return { state: countdownMoved ? { ...next, revision: state.revision + 1 } : next, effects: [], handled: true };
}

function route(state: SessionState, event: Exclude<SessionEvent, { type: 'tick' }>): Step | null {
  switch (event.type) {
    case 'intent':
      return routeIntent(state, event.intent);
    case 'card-inserted':
      return cardInserted(state, event.at);
    case 'card-read':
      return cardRead(state, event.requestId, event.card);
    case 'card-removed':
      return cardRemoved(state);
    case 'card-error':
      return cardError(state, event.code, event.message);
    case 'face-availability':
      return faceAvailabilityChanged(state, event.available);
    case 'settings-changed':
      return settingsChanged(state, event.config);
    case 'face-progress':
      return faceProgress(state, event.requestId, event.hint);
    case 'face-result':
      return faceResult(state, event.requestId, event.outcome);
    case 'pin-result':
      return pinResult(state, event.requestId, event);
    case 'staff-passcode-result':
      return staffPasscodeResult(state, event.requestId, event.ok);
    case 'chip-photo':
      return chipPhotoLoaded(state, event.requestId, event.photo);
    case 'registration-result':
      return registrationResult(state, event.requestId, event.ok);
    case 'consent-on-file':
      return consentOnFile(state, event.requestId, event.grantedAt);
    case 'qualification-result':
      return qualificationResult(state, event.requestId, event.answer);
    case 'timer-fired':
      return timerFired(state, event.id);
  }
}

function routeIntent(state: SessionState, intent: Intent): Step | null {
  switch (intent.type) {
    case 'set-language':
      return setLanguage(state, intent.language);
    case 'set-large-text':
      return setLargeText(state, intent.on);
    case 'choose-method':
      return chooseMethod(state, intent.method);
    case 'pin-digit':
      return pinDigit(state, intent.digit);
    case 'pin-delete':
      return pinDelete(state);
    case 'pin-submit':
      return pinSubmit(state);
    case 'continue':
      return continueAfterExpiryNotice(state) ?? continueAfterRegistration(state);
    case 'agree-terms':
      return agreeTerms(state);
    case 'consent-all':
      return consentAll(state);
    case 'consent-individually':
      return consentIndividually(state);
    case 'consent-item':
      return consentItem(state, intent.item, intent.agree);
    case 'consent-confirm':
      return consentConfirm(state);
    case 'choose-prescription':
      return choosePrescription(state, intent.form);
    case 'retry-face':
      return retryFace(state);
    case 'use-pin-instead':
      return usePinInstead(state);
    case 'call-staff':
      return callStaff(state);
    case 'staff-request-visual-check':
      return requestVisualCheck(state);
    case 'staff-passcode':
      return staffPasscode(state, intent.passcode);
    case 'staff-visual-check-result':
      return visualCheckResult(state, intent.confirmed);
    case 'staff-cancel':
      return staffCancel(state);
    case 'admin-ping':
    case 'camera-status':
      // Admin intents and the camera report are answered by the ops layer, not the reception session.
      return null;
  }
}
