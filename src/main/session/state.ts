/**
 * The reducer's state: where the session is (`phase`), what it knows about the patient's card
 * (`patient`, from card-read until the card leaves), and the kiosk-wide bits that outlive a
 * phase (language, the one running timer, id counters). Plain data apart from `Secret`.
 */
import { DEFAULT_LANGUAGE, type Language } from '../../shared/languages.js';
import type { KioskErrorPayload } from '../../shared/errors.js';
import type {
  AuthPurpose,
  ConsentItem,
  FaceHint,
  IdentityMethod,
  StaffResult,
} from '../../shared/snapshot.js';
import type { SessionConfig } from './config.js';
import type { ConsentToSend } from './effects.js';
import type { ExpiryCalendar, ExpiryPhase } from './expiry.js';
import type { Secret } from './secret.js';

export type StaffNeededReason =
  | 'patient-request'
  | 'pin-locked'
  | 'face-failed'
  /** Face mode cannot run on this kiosk (no card-face scanner, models missing) and the card has no PIN. */
  | 'face-unavailable'
  | 'registration-failed'
  | 'passcode-check-failed';

export type Ending = 'completed' | 'timed-out' | 'cancelled' | 'identity-not-confirmed';

export type Phase =
  | { readonly name: 'standby' }
  | { readonly name: 'reading'; readonly requestId: number }
  | { readonly name: 'error'; readonly error: KioskErrorPayload }
  | {
      readonly name: 'card-unusable';
      readonly reason: 'not-my-number-card' | 'certificate-expired';
      readonly reminderLevel: number;
    }
  | { readonly name: 'registration-terms' }
  | { readonly name: 'registering'; readonly requestId: number }
  | { readonly name: 'registration-complete' }
  | { readonly name: 'method-choice' }
  /** `deadlineMs`: when this attempt's guard timer falls back, shown as a countdown. */
  | { readonly name: 'face'; readonly requestId: number; readonly hint: FaceHint; readonly deadlineMs: number }
  | { readonly name: 'face-failed' }
  /** `digits` holds the PIN typed so far, only until it is submitted. */
  | { readonly name: 'pin-entry'; readonly digits: Secret; readonly wrongLastTime: boolean }
  | { readonly name: 'pin-verifying'; readonly requestId: number }
  | { readonly name: 'staff-needed'; readonly reason: StaffNeededReason }
  | { readonly name: 'staff-passcode'; readonly wrongAttempts: number }
  | { readonly name: 'staff-passcode-verifying'; readonly requestId: number; readonly wrongAttempts: number }
  | { readonly name: 'visual-check'; readonly chipPhoto: ChipPhotoState }
  | { readonly name: 'expiry-notice' }
  | { readonly name: 'consent-choice' }
  | { readonly name: 'consent-items'; readonly answers: Readonly<Partial<Record<ConsentItem, boolean>>> }
  | { readonly name: 'e-prescription' }
  | { readonly name: 'querying'; readonly requestId: number }
  | {
      readonly name: 'done';
      readonly ending: Ending;
      readonly result: StaffResult | null;
      readonly reminderLevel: number;
    };

/** The chip photo on the 目視 screen; its data URL lives only as long as this phase. */
export type ChipPhotoState =
  | { readonly status: 'loading'; readonly requestId: number }
  | { readonly status: 'shown'; readonly dataUrl: string }
  | { readonly status: 'unavailable'; readonly code: string };

export type PhaseName = Phase['name'];

/** What the session knows about the card on the reader and the choices made so far. */
export interface Patient {
  readonly pinless: boolean;
  readonly pinTriesLeft: number;
  readonly expiry: ExpiryCalendar;
  /** Fixed at card read: one patient's visit does not straddle a phase change. */
  readonly expiryPhase: ExpiryPhase;
  /** 'registration' until 利用登録 succeeds, then 'confirmation'. */
  readonly purpose: AuthPurpose;
  readonly faceAttempts: number;
  /** The card front did not unlock the chip photo on this insertion: face cannot work, only PIN or 目視. */
  readonly photoLocked: boolean;
  readonly method: IdentityMethod | null;
  /** The consent store's answer; 'pending' until it arrives. */
  readonly consentOnFile: { readonly grantedAtMs: number } | null | 'pending';
  readonly consentLookupId: number;
  readonly consent: ConsentToSend | null;
  readonly ePrescription: 'electronic' | 'paper' | null;
}

export interface SessionState {
  readonly config: SessionConfig;
  /** Latest time the runner told us (card-inserted, tick). The reducer never reads a clock. */
  readonly nowMs: number;
  readonly language: Language;
  readonly largeText: boolean;
  /**
   * Whether face mode can work on this kiosk (card-face scanner configured, OCR and face models
   * loaded). Kiosk-wide, like the language: it outlives sessions. True until the composition root
   * says otherwise, so a patient in the first seconds after start waits for the models instead of
   * losing face mode to a load that is still running.
   */
  readonly faceAvailable: boolean;
  /** Bumped on every handled event; becomes the snapshot's seq. */
  readonly revision: number;
  /** Source of request and timer ids, unique for the life of the kiosk process. */
  readonly nextId: number;
  /** Id of the one timer guarding the current phase, if any. */
  readonly timer: string | null;
  readonly phase: Phase;
  readonly patient: Patient | null;
}

export function initialState(config: SessionConfig): SessionState {
  return {
    config,
    nowMs: 0,
    language: DEFAULT_LANGUAGE,
    largeText: false,
    faceAvailable: true,
    revision: 0,
    nextId: 1,
    timer: null,
    phase: { name: 'standby' },
    patient: null,
  };
}
