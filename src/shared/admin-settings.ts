/**
 * The facility settings IT staff edit on the admin screen (施設設定), as one schema both sides
 * use: the admin form validates with it before sending, main validates the message again at the
 * boundary and the settings store once more when writing. Credentials are not settings here:
 * they change through their own request, as hashes, never as values that travel back.
 */
import { z } from 'zod';
import { languageSchema } from './languages.js';
import { consentItemSchema } from './snapshot.js';

/** What "restart" means at this site (定期再起動の動作). */
export const restartActionSchema = z.discriminatedUnion('kind', [
  /** Relaunch the kiosk process (Electron app.relaunch, or the browser host's supervisor). */
  z.object({ kind: z.literal('relaunch-kiosk') }),
  /** Close and re-open the PC/SC context and reader monitor, without touching the app. */
  z.object({ kind: z.literal('reset-card-stack') }),
  /** A site command, e.g. `systemctl reboot` or a vendor's reader power-cycle tool. Run without a shell. */
  z.object({
    kind: z.literal('os-command'),
    command: z.string().min(1).max(512),
    args: z.array(z.string().max(512)).max(32),
    timeoutSeconds: z.number().int().min(1).max(600),
  }),
]);
export type RestartAction = z.infer<typeof restartActionSchema>;

export const restartScheduleSchema = z.object({
  enabled: z.boolean(),
  /** 0 = Sunday (日) … 6 = Saturday (土), as in cron. */
  daysOfWeek: z
    .array(z.number().int().min(0).max(6))
    .min(1)
    .max(7)
    .refine((days) => new Set(days).size === days.length, 'each day once'),
  /** Start of the slot, HH:MM in Japan time. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  /** How long after `time` a deferred (busy) or missed (powered-off) restart may still run. */
  windowMinutes: z.number().int().min(5).max(720),
  action: restartActionSchema,
});
export type RestartSchedule = z.infer<typeof restartScheduleSchema>;

/** The waits staff may tune; the others (card, device, service) follow the hardware, not the site. */
export const screenTimeoutsSchema = z.object({
  /** A patient screen waiting for a touch. */
  patientSeconds: z.number().int().min(15).max(600),
  /** Staff screens (passcode, 目視, "please call staff"). */
  staffSeconds: z.number().int().min(30).max(1800),
  /** An error screen before the kiosk returns to standby by itself. */
  errorSeconds: z.number().int().min(5).max(300),
});
export type ScreenTimeouts = z.infer<typeof screenTimeoutsSchema>;

/** Languages on the language selector: Japanese always, each once. */
export const languagesOfferedSchema = z
  .array(languageSchema)
  .min(1)
  .refine((list) => list.includes('ja'), 'ja is always offered')
  .refine((list) => new Set(list).size === list.length, 'each language once');

export const editableSettingsSchema = z.object({
  restartSchedule: restartScheduleSchema,
  /** 同意項目 this facility asks; empty means no consent screen. */
  consentItems: z
    .array(consentItemSchema)
    .max(3)
    .refine((items) => new Set(items).size === items.length, 'each item once'),
  /** Ask 電子処方箋 or 紙 (facilities issuing electronic prescriptions only). */
  askPrescription: z.boolean(),
  languagesOffered: languagesOfferedSchema,
  screenTimeouts: screenTimeoutsSchema,
  /** Base URL of the qualification service (a relay in deployment). */
  qualificationEndpoint: z.url().max(512),
  /** Folder the レセコン reads result files from; relative paths are inside the data folder. */
  receiptFolder: z.string().min(1).max(512),
  /** Personal data older than this many days is purged. */
  retentionDays: z.number().int().min(1).max(3650),
});
export type EditableSettings = z.infer<typeof editableSettingsSchema>;
export type EditableSettingKey = keyof EditableSettings;

/** Settings read only at start-up: a change is saved and applies after the next restart. */
export const SETTINGS_APPLIED_AT_RESTART: readonly EditableSettingKey[] = ['qualificationEndpoint', 'receiptFolder'];
