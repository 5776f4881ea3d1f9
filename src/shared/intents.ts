/**
 * Everything the renderer may ask of main. Patient intents come from the touch screen, staff
 * intents from the 目視 / staff controls, admin intents from the hidden IT settings. Main
 * validates every one of these at the boundary; the session engine receives only parsed intents.
 */
import { z } from 'zod';
import { languageSchema } from './languages.js';
import { authMethodSchema, consentItemSchema } from './snapshot.js';

export const patientIntentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set-language'), language: languageSchema }),
  z.object({ type: z.literal('set-large-text'), on: z.boolean() }),
  z.object({ type: z.literal('choose-method'), method: authMethodSchema }),
  /** One key of the PIN pad. Digits travel one at a time so the renderer never holds the PIN. */
  z.object({ type: z.literal('pin-digit'), digit: z.number().int().min(0).max(9) }),
  z.object({ type: z.literal('pin-delete') }),
  z.object({ type: z.literal('pin-submit') }),
  /** 次に進む (expiry notices, registration complete). */
  z.object({ type: z.literal('continue') }),
  /** 利用規約に同意 during 健康保険証利用登録. */
  z.object({ type: z.literal('agree-terms') }),
  /** 全て同意する */
  z.object({ type: z.literal('consent-all') }),
  /** 個別に同意する */
  z.object({ type: z.literal('consent-individually') }),
  z.object({ type: z.literal('consent-item'), item: consentItemSchema, agree: z.boolean() }),
  z.object({ type: z.literal('consent-confirm') }),
  /** 電子処方箋 or 紙 */
  z.object({ type: z.literal('choose-prescription'), form: z.enum(['electronic', 'paper']) }),
  z.object({ type: z.literal('retry-face') }),
  z.object({ type: z.literal('use-pin-instead') }),
  z.object({ type: z.literal('call-staff') }),
]);

export const staffIntentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('staff-request-visual-check') }),
  /** The facility 目視 passcode (4–8 digits), checked by an effect, never stored by the session. */
  z.object({ type: z.literal('staff-passcode'), passcode: z.string().regex(/^\d{4,8}$/) }),
  /** Staff compared the person with the card photo: same person or not. */
  z.object({ type: z.literal('staff-visual-check-result'), confirmed: z.boolean() }),
  z.object({ type: z.literal('staff-cancel') }),
]);

export const adminIntentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('admin-ping') }),
]);

/**
 * Reports from the screen to the ops watchdog (not the reception session): whether the camera is
 * usable. Sent at start, on change and as a heartbeat (a silent screen turns the check red).
 */
export const opsIntentSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('camera-status'),
    available: z.boolean(),
    /** The DOMException name from getUserMedia (NotAllowedError, NotReadableError, …). */
    reason: z.string().max(64).optional(),
    /** Device label, for staff choosing between cameras; never image data. */
    device: z.string().max(128).optional(),
  }),
]);

export const intentSchema = z.union([patientIntentSchema, staffIntentSchema, adminIntentSchema, opsIntentSchema]);
export type PatientIntent = z.infer<typeof patientIntentSchema>;
export type StaffIntent = z.infer<typeof staffIntentSchema>;
export type AdminIntent = z.infer<typeof adminIntentSchema>;
export type OpsIntent = z.infer<typeof opsIntentSchema>;
export type Intent = z.infer<typeof intentSchema>;
