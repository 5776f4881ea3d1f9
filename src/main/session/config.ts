/**
 * What the session needs to know about the facility and its patience. The composition root
 * builds this from the settings store (施設設定) and hands it to `initialState`; the reducer
 * never reads settings itself.
 */
import { LANGUAGES, type Language } from '../../shared/languages.js';
import type { ConsentItem } from '../../shared/snapshot.js';

/** Every state that waits for someone or something has its own timeout (ARCHITECTURE.md). */
export interface SessionTimeouts {
  /** Card read after insertion. */
  readonly reading: number;
  /** A patient screen waiting for a touch (method choice, PIN pad, consent, notices, ...). */
  readonly patient: number;
  /** One face-matching attempt. */
  readonly face: number;
  /** The card answering a VERIFY, registration, the passcode check. */
  readonly device: number;
  /** Staff screens (passcode, 目視 comparison, "please call staff"). */
  readonly staff: number;
  /** The qualification service; on expiry the request is queued (PRODUCT.md §3.5). */
  readonly qualification: number;
  /** An error screen before the kiosk returns to standby on its own. */
  readonly error: number;
  /** Standby after a language / large-text change with no card: back to the defaults. */
  readonly standbyIdle: number;
  /** Between two "take your card" reminders, each one more insistent. */
  readonly reminder: number;
}

export interface SessionConfig {
  /** 同意項目 this facility asks about; empty means no consent screen at all. */
  readonly consentItems: readonly ConsentItem[];
  /** Ask 電子処方箋 or 紙 (facilities issuing electronic prescriptions only). */
  readonly askPrescription: boolean;
  /** Languages on the patient's language buttons (Japanese always among them). */
  readonly languagesOffered: readonly Language[];
  /** Face attempts before the kiosk stops offering another try. */
  readonly maxFaceAttempts: number;
  /** Highest "take your card" reminder level. */
  readonly maxReminderLevel: number;
  readonly timeoutsMs: SessionTimeouts;
}

export const DEFAULT_SESSION_CONFIG: SessionConfig = {
  consentItems: ['surgery', 'medication', 'checkup'],
  askPrescription: false,
  languagesOffered: LANGUAGES,
  maxFaceAttempts: 3,
  maxReminderLevel: 3,
  timeoutsMs: {
    reading: 15_000,
    patient: 60_000,
    face: 20_000,
    device: 15_000,
    staff: 180_000,
    qualification: 20_000,
    error: 30_000,
    standbyIdle: 60_000,
    reminder: 10_000,
  },
};
