/**
 * What the renderer sees of a session: a plain, serialisable picture of the current screen.
 * The renderer draws only from this; it never decides flow. Owned by the session engine
 * (src/main/session/snapshot.ts derives it from the reducer state).
 *
 * Privacy by construction: no variant has a field that could carry a PIN digit, a passcode or
 * an image, with ONE exception: the chip photo staff compare with the person during 目視
 * (visual-check.chipPhoto), shown and dropped with that screen. PIN screens carry only how many
 * digits were typed.
 */
import { z } from 'zod';
import { LANGUAGES, languageSchema } from './languages.js';
import { errorCodeSchema, kioskErrorSchema } from './errors.js';

/** Methods the patient may pick on the 本人確認 screen (顔認証 / 暗証番号). */
export const authMethodSchema = z.enum(['face', 'pin']);
export type AuthMethod = z.infer<typeof authMethodSchema>;

/** How identity was finally confirmed: the patient's methods plus staff 目視 (visual check). */
export const identityMethodSchema = z.enum(['face', 'pin', 'visual']);
export type IdentityMethod = z.infer<typeof identityMethodSchema>;

/** 同意項目: 手術情報 / 診療・薬剤情報 / 特定健診等情報. */
export const consentItemSchema = z.enum(['surgery', 'medication', 'checkup']);
export type ConsentItem = z.infer<typeof consentItemSchema>;

/** Why authentication happens: 健康保険証利用登録 (first use) or the everyday 資格確認. */
export const authPurposeSchema = z.enum(['registration', 'confirmation']);
export type AuthPurpose = z.infer<typeof authPurposeSchema>;

/** Live advice while the camera looks for a matchable face (PRODUCT.md §3.1, §4). */
export const faceHintSchema = z.enum([
  'searching',
  'hold-still',
  'too-close',
  'too-far',
  'backlight',
  'outside-light',
  'multiple-faces',
  'card-sleeve',
  'not-live',
  /** The face is too dark to match (not light from behind: the room or the face itself is dim). */
  'too-dark',
  /** The face is turned or tilted away from the camera. */
  'face-turned',
]);
export type FaceHint = z.infer<typeof faceHintSchema>;

/** Outcome of the qualification check (資格確認) as staff need to see it. */
export const qualificationOutcomeSchema = z.enum([
  /** 有効 */
  'valid',
  /** 資格(無効): the latest qualification is lost; the old one (旧資格) is shown. */
  'invalid',
  /** 資格情報なし */
  'not-found',
  /** The service could not be reached; the check is queued and confirmed later. */
  'unreachable',
  /** The service refused the request (certificate revoked or expired, bad signature, kiosk not attested, …): see `refusal`. */
  'rejected',
]);
export type QualificationOutcome = z.infer<typeof qualificationOutcomeSchema>;

/** What staff do next for each outcome (PRODUCT.md §3.5). */
export const staffNextStepSchema = z.enum([
  /** Normal reception. */
  'none',
  /** Claim with the old number from the 資格(無効) screen, 摘要 "旧資格情報". */
  'use-old-qualification',
  /** マイナポータル screen/PDF or 資格情報のお知らせ with the card, else 被保険者資格申立書. */
  'self-declaration',
  /** Queued: reception continues; the pending check is confirmed when the service is back. */
  'confirm-later',
]);
export type StaffNextStep = z.infer<typeof staffNextStepSchema>;

/** Documents that replace the card when it cannot be used (PRODUCT.md §3.2 expired phase). */
export const alternativeDocumentSchema = z.enum([
  /** 資格確認書 */
  'qualification-certificate',
  /** マイナポータル screen or its saved PDF, shown with the card */
  'mynaportal-pdf',
  /** 資格情報のお知らせ, shown with the card */
  'qualification-notice',
]);
export type AlternativeDocument = z.infer<typeof alternativeDocumentSchema>;

/** A JST calendar date, YYYY-MM-DD. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const shortText = z.string().max(100);

/** Insurer facts staff need for the claim; absent fields are null, never guessed. */
const insuranceSchema = z.object({
  insurerName: shortText.nullable(),
  insurerNumber: z.string().regex(/^\d{6,8}$/).nullable(),
  /** 負担割合 in percent (30 = 3割). */
  sharePercent: z.number().int().min(0).max(100).nullable(),
});

/** The result summary for the staff view of a finished check. */
export const staffResultSchema = z.object({
  outcome: qualificationOutcomeSchema,
  method: identityMethodSchema,
  /** カナ氏名 as the service returned it. */
  kanaName: shortText.nullable(),
  /** True when the name holds "●" (a character outside the shared set): staff check it by hand. */
  nameHasPlaceholder: z.boolean(),
  insurance: insuranceSchema.nullable(),
  /** 旧資格 from a 資格(無効) answer. */
  oldInsurance: insuranceSchema.nullable(),
  /** Whether a medical-information consent went with the request (never in the grace period). */
  consentSent: z.boolean(),
  nextStep: staffNextStepSchema,
  /**
   * For 'rejected' only: the staff code of the service's refusal (E-OQS-…), which names the
   * remedy, and the certificate's JST expiry date when the service refused it as expired.
   */
  refusal: z.object({ code: z.string().regex(/^E-OQS-\d{3}$/), certificateNotAfter: isoDate.nullable() }).nullable(),
});
export type StaffResult = z.infer<typeof staffResultSchema>;

const common = {
  /** Increases with every snapshot, so a client can drop stale ones. */
  seq: z.number().int().nonnegative(),
  language: languageSchema,
  /** The language buttons: the languages this facility offers (施設設定), Japanese always among them. */
  languages: z.array(languageSchema).min(1).max(LANGUAGES.length),
  largeText: z.boolean(),
};

/** The staff photo is scaled to fit this (real chip photos are far smaller). */
export const MAX_CHIP_PHOTO_SIDE = 640;
/** A greyscale PNG of that size, base64, with room to spare. */
const MAX_CHIP_PHOTO_URL_LENGTH = 800_000;

/** The card's own photo for 目視: still being read, shown, or unreadable (staff use the printed one). */
export const chipPhotoSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('loading') }),
  z.object({
    status: z.literal('shown'),
    dataUrl: z
      .string()
      .max(MAX_CHIP_PHOTO_URL_LENGTH)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/),
  }),
  /** `code`: why (E-CFS-…, E-SYS-011), for staff. */
  z.object({ status: z.literal('unavailable'), code: errorCodeSchema }),
]);
export type ChipPhoto = z.infer<typeof chipPhotoSchema>;

/** How often the "take your card" reminder has been repeated, louder each time. */
const reminderLevel = z.number().int().min(0).max(10);

export const sessionSnapshotSchema = z.discriminatedUnion('screen', [
  z.object({ ...common, screen: z.literal('standby') }),
  z.object({ ...common, screen: z.literal('reading') }),
  /** The card cannot be used at all: not a マイナンバーカード, or its certificate is past grace. */
  z.object({
    ...common,
    screen: z.literal('card-unusable'),
    reason: z.enum(['not-my-number-card', 'certificate-expired']),
    /** For 'certificate-expired': the JST expiry date and the last day of the grace period. */
    certificate: z.object({ notAfter: isoDate, graceUntil: isoDate }).nullable(),
    alternatives: z.array(alternativeDocumentSchema).max(3),
    reminderLevel,
  }),
  /** 健康保険証利用登録: terms to accept before first use. */
  z.object({ ...common, screen: z.literal('registration-terms') }),
  z.object({ ...common, screen: z.literal('registration-complete') }),
  z.object({
    ...common,
    screen: z.literal('method-choice'),
    methods: z.array(authMethodSchema),
    staffVisualCheck: z.boolean(),
    purpose: authPurposeSchema,
  }),
  z.object({
    ...common,
    screen: z.literal('face'),
    hint: faceHintSchema,
    /** 1-based attempt number, out of maxAttempts. */
    attempt: z.number().int().min(1).max(20),
    maxAttempts: z.number().int().min(1).max(20),
    /** Whole seconds until this attempt falls back (face-failed), shown so no clock runs unseen. */
    secondsLeft: z.number().int().min(0).max(3600),
    /** The card has a usable PIN, so "use the PIN instead" may be offered during capture. */
    canUsePin: z.boolean(),
    purpose: authPurposeSchema,
  }),
  z.object({
    ...common,
    screen: z.literal('face-failed'),
    canRetry: z.boolean(),
    canUsePin: z.boolean(),
  }),
  z.object({
    ...common,
    screen: z.literal('pin-entry'),
    /** How many of the 4 digits are typed: the digits themselves never leave main. */
    digitsEntered: z.number().int().min(0).max(4),
    /** 残り回数 as the card reported it. */
    triesLeft: z.number().int().min(1).max(15),
    /** One try left: a wrong PIN now locks the card. */
    lastTry: z.boolean(),
    /** The previous entry was wrong. */
    wrongLastTime: z.boolean(),
    purpose: authPurposeSchema,
  }),
  /** Waiting on the card, staff-passcode check, registration or the service. */
  z.object({
    ...common,
    screen: z.literal('working'),
    step: z.enum(['pin', 'staff-passcode', 'registration', 'qualification']),
  }),
  /** The patient is asked to call reception; the staff button for 目視 is shown. */
  z.object({
    ...common,
    screen: z.literal('staff-needed'),
    reason: z.enum(['patient-request', 'pin-locked', 'face-failed', 'face-unavailable', 'registration-failed', 'passcode-check-failed']),
  }),
  z.object({
    ...common,
    screen: z.literal('staff-passcode'),
    wrongAttempts: z.number().int().min(0).max(10),
  }),
  /** 目視: staff compare the person with the card photo and answer yes or no. */
  z.object({ ...common, screen: z.literal('visual-check'), chipPhoto: chipPhotoSchema }),
  /** 更新アラート (flow continues) or 有効期限切れ grace notice (qualification only), then 次に進む. */
  z.object({
    ...common,
    screen: z.literal('expiry-notice'),
    phase: z.enum(['renewal-alert', 'grace']),
    notAfter: isoDate,
    graceUntil: isoDate,
  }),
  /** 全て同意する / 個別に同意する */
  z.object({
    ...common,
    screen: z.literal('consent-choice'),
    items: z.array(consentItemSchema).min(1).max(3),
  }),
  z.object({
    ...common,
    screen: z.literal('consent-items'),
    answers: z
      .array(z.object({ item: consentItemSchema, agree: z.boolean().nullable() }))
      .min(1)
      .max(3),
    /** Every offered item has an answer. */
    canConfirm: z.boolean(),
  }),
  /** 電子処方箋 or 紙 */
  z.object({ ...common, screen: z.literal('e-prescription') }),
  /** "Take your card": stays until the card is removed. */
  z.object({
    ...common,
    screen: z.literal('done'),
    ending: z.enum(['completed', 'timed-out', 'cancelled', 'identity-not-confirmed']),
    result: staffResultSchema.nullable(),
    reminderLevel,
  }),
  z.object({ ...common, screen: z.literal('error'), error: kioskErrorSchema }),
]);
export type SessionSnapshot = z.infer<typeof sessionSnapshotSchema>;
export type Screen = SessionSnapshot['screen'];
