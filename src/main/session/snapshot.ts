/**
 * The renderer's picture of the session, derived from the reducer state. Only what a screen
 * needs goes out: counts instead of PIN digits, JST dates as ISO strings, the staff summary.
 */
import type { SessionSnapshot } from '../../shared/snapshot.js';
import { toIsoDate } from './calendar-date.js';
import { allAnswered } from './consent.js';
import { faceFailedOptions, faceSecondsLeft } from './face.js';
import { availableMethods, pinAvailable } from './methods.js';
import type { SessionState } from './state.js';
import { patientOf } from './transition.js';
import { visualCheckOffered } from './visual-check.js';

export function toSnapshot(state: SessionState): SessionSnapshot {
  const common = { seq: state.revision, language: state.language, languages: [...state.config.languagesOffered], largeText: state.largeText };
  const phase = state.phase;
  switch (phase.name) {
    case 'standby':
    case 'reading':
    case 'registration-terms':
    case 'registration-complete':
    case 'e-prescription':
      return { ...common, screen: phase.name };
    case 'visual-check': {
      const photo = phase.chipPhoto;
      const chipPhoto = photo.status === 'loading' ? { status: photo.status } : photo;
      return { ...common, screen: 'visual-check', chipPhoto };
    }
    case 'error':
      return { ...common, screen: 'error', error: phase.error };
    case 'card-unusable': {
      const expired = phase.reason === 'certificate-expired';
      const expiry = expired ? patientOf(state).expiry : null;
      return {
        ...common,
        screen: 'card-unusable',
        reason: phase.reason,
        certificate: expiry && { notAfter: toIsoDate(expiry.notAfter), graceUntil: toIsoDate(expiry.graceUntil) },
        alternatives: ['qualification-certificate', 'mynaportal-pdf', 'qualification-notice'],
        reminderLevel: phase.reminderLevel,
      };
    }
    case 'method-choice': {
      const patient = patientOf(state);
      return {
        ...common,
        screen: 'method-choice',
        methods: availableMethods(state),
        staffVisualCheck: visualCheckOffered(state),
        purpose: patient.purpose,
      };
    }
    case 'face': {
      const patient = patientOf(state);
      return {
        ...common,
        screen: 'face',
        hint: phase.hint,
        attempt: patient.faceAttempts,
        maxAttempts: state.config.maxFaceAttempts,
        secondsLeft: faceSecondsLeft(state) ?? 0,
        canUsePin: pinAvailable(patient),
        purpose: patient.purpose,
      };
    }
    case 'face-failed':
      return { ...common, screen: 'face-failed', ...faceFailedOptions(state) };
    case 'pin-entry': {
      const patient = patientOf(state);
      return {
        ...common,
        screen: 'pin-entry',
        digitsEntered: phase.digits.length,
        triesLeft: patient.pinTriesLeft,
        lastTry: patient.pinTriesLeft === 1,
        wrongLastTime: phase.wrongLastTime,
        purpose: patient.purpose,
      };
    }
    case 'pin-verifying':
      return { ...common, screen: 'working', step: 'pin' };
    case 'staff-passcode-verifying':
      return { ...common, screen: 'working', step: 'staff-passcode' };
    case 'registering':
      return { ...common, screen: 'working', step: 'registration' };
    case 'querying':
      return { ...common, screen: 'working', step: 'qualification' };
    case 'staff-needed':
      return { ...common, screen: 'staff-needed', reason: phase.reason };
    case 'staff-passcode':
      return { ...common, screen: 'staff-passcode', wrongAttempts: phase.wrongAttempts };
    case 'expiry-notice': {
      const patient = patientOf(state);
      return {
        ...common,
        screen: 'expiry-notice',
        phase: patient.expiryPhase === 'grace' ? 'grace' : 'renewal-alert',
        notAfter: toIsoDate(patient.expiry.notAfter),
        graceUntil: toIsoDate(patient.expiry.graceUntil),
      };
    }
    case 'consent-choice':
      return { ...common, screen: 'consent-choice', items: [...state.config.consentItems] };
    case 'consent-items':
      return {
        ...common,
        screen: 'consent-items',
        answers: state.config.consentItems.map((item) => ({ item, agree: phase.answers[item] ?? null })),
        canConfirm: allAnswered(state, phase.answers),
      };
    case 'done':
      return { ...common, screen: 'done', ending: phase.ending, result: phase.result, reminderLevel: phase.reminderLevel };
  }
}
