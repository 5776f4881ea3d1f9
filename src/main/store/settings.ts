/**
 * Facility settings (施設設定), typed and validated. Each setting has a zod schema and a default,
 * so a fresh kiosk starts usable and a bad value is refused at the boundary with a staff code.
 */
import { z } from 'zod';
import { KioskError } from '../../shared/errors.js';
import { consentItemSchema } from '../../shared/snapshot.js';
import { LANGUAGES } from '../../shared/languages.js';
import { languagesOfferedSchema, restartScheduleSchema, screenTimeoutsSchema } from '../../shared/admin-settings.js';
import { EMPTY_CREDENTIAL, storedCredentialSchema } from '../ops/credential.js';
import { DEFAULT_RESTART_SCHEDULE } from '../ops/restart-schedule.js';
import { STORE_ERRORS } from './error-codes.js';
import { isValidCron } from './retention-schedule.js';
import type { KioskDatabase } from './database.js';

export const settingsSchema = z.object({
  /** 医療機関コード: 10 digits, written into every レセコン file. */
  medicalInstitutionCode: z.string().regex(/^\d{10}$/),
  /** Base URL of the qualification service (the simulator here, a relay in deployment). */
  qualificationEndpoint: z.url(),
  /** Folder the レセコン reads result files from (the "face" folder of the terminal). */
  receiptFolder: z.string().min(1),
  /** Consent items (同意項目) this facility asks about. */
  consentItems: z.array(consentItemSchema),
  /** Whether to ask 電子処方箋 or 紙 (facilities issuing electronic prescriptions only). */
  askPrescription: z.boolean(),
  /** Insurer number for 不詳 claims: all-7s, or 77777779 where the レセコン rejects all-7s. */
  unknownInsurerNumber: z.enum(['77777777', '77777779']),
  /** Personal data (queue payloads, results, consents) older than this many days is purged. */
  retentionDays: z.number().int().min(1).max(3650),
  /** When the purge runs (cron, Japan time). */
  retentionPurgeCron: z.string().refine(isValidCron, 'not a cron expression'),
  /** 目視パスコード: scrypt hash and lockout state only, never the passcode (src/main/ops). */
  staffCredential: storedCredentialSchema,
  /** 管理者パスワード: scrypt hash and lockout state only. */
  adminCredential: storedCredentialSchema,
  /** 定期再起動: days, time, window and what "restart" means here. */
  restartSchedule: restartScheduleSchema,
  /** Languages offered on the language selector; Japanese is always among them. */
  languagesOffered: languagesOfferedSchema,
  /** How long screens wait for a person before giving up, in seconds (read per session). */
  screenTimeouts: screenTimeoutsSchema,
});

export type Settings = z.infer<typeof settingsSchema>;

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  medicalInstitutionCode: '0000000000',
  qualificationEndpoint: 'http://127.0.0.1:8790/',
  receiptFolder: 'receipts',
  consentItems: ['surgery', 'medication', 'checkup'],
  askPrescription: false,
  unknownInsurerNumber: '77777777',
  retentionDays: 90,
  retentionPurgeCron: '30 3 * * *',
  staffCredential: EMPTY_CREDENTIAL,
  adminCredential: EMPTY_CREDENTIAL,
  restartSchedule: DEFAULT_RESTART_SCHEDULE,
  languagesOffered: [...LANGUAGES],
  screenTimeouts: { patientSeconds: 60, staffSeconds: 180, errorSeconds: 30 },
};

export class SettingsStore {
  private readonly select;
  private readonly upsert;

  constructor(db: KioskDatabase) {
    this.select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get<K extends SettingKey>(key: K): Settings[K] {
    const row = this.select.get(key);
    if (row === undefined) return DEFAULT_SETTINGS[key];
    // A value that no longer parses (edited by hand, older schema) falls back to the default
    // rather than stopping reception.
    const parsed = settingsSchema.shape[key].safeParse(JSON.parse(row.value));
    return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
  }

  getAll(): Settings {
    const all = {} as Record<SettingKey, unknown>;
    for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) all[key] = this.get(key);
    return all as Settings;
  }

  set<K extends SettingKey>(key: K, value: Settings[K]): void {
    const parsed = settingsSchema.shape[key].safeParse(value);
    if (!parsed.success) {
      throw new KioskError(
        STORE_ERRORS.INVALID_SETTING,
        `設定値が不正です (${key}): ${parsed.error.issues[0]?.message ?? ''} / Invalid setting ${key}.`,
      );
    }
    this.upsert.run(key, JSON.stringify(parsed.data));
  }
}
