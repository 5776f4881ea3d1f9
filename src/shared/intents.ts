/**
 * Everything the renderer may ask of main. Patient intents come from the touch screen, staff
 * intents from the 目視 / staff controls, admin intents from the hidden IT settings. Main
 * validates every one of these at the boundary; the session engine receives only parsed intents.
 */
import { z } from 'zod';
import { languageSchema } from './languages.js';
import { authMethodSchema } from './snapshot.js';

export const patientIntentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set-language'), language: languageSchema }),
  z.object({ type: z.literal('set-large-text'), on: z.boolean() }),
  z.object({ type: z.literal('choose-method'), method: authMethodSchema }),
]);

export const staffIntentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('staff-request-visual-check') }),
]);

export const adminIntentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('admin-ping') }),
]);

export const intentSchema = z.union([patientIntentSchema, staffIntentSchema, adminIntentSchema]);
export type PatientIntent = z.infer<typeof patientIntentSchema>;
export type StaffIntent = z.infer<typeof staffIntentSchema>;
export type AdminIntent = z.infer<typeof adminIntentSchema>;
export type Intent = z.infer<typeof intentSchema>;
