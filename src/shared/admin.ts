/**
 * The staff and admin channel (職員・管理者): request/reply messages beside the patient session.
 * The session snapshot is what the patient's screen shows; staff and IT staff need other views
 * (recent results, diagnostics, settings), each behind a login. A login answers with a short-lived
 * token that main keeps; every later request carries it, and main checks it before anything else.
 * Both sides validate with these schemas; main logs a rejected message by its shape, never its
 * content (a request may hold a passcode).
 */
import { z } from 'zod';
import { kioskErrorSchema } from './errors.js';
import { editableSettingsSchema } from './admin-settings.js';
import { staffResultSchema } from './snapshot.js';

/** 職員 (reception: 目視 passcode) or 管理者 (IT: admin password). Admin may do everything staff may. */
export const adminRoleSchema = z.enum(['staff', 'admin']);
export type AdminRole = z.infer<typeof adminRoleSchema>;

const token = z.string().min(16).max(128);
/** Long enough for any valid credential; longer input is refused without hashing. */
const secret = z.string().max(128);
const isoInstant = z.iso.datetime();

/** Trouble statistics per JST day, Monday-start week or calendar month. */
export const troubleGranularitySchema = z.enum(['day', 'week', 'month']);
export type TroubleGranularity = z.infer<typeof troubleGranularitySchema>;

export const adminRequestSchema = z.discriminatedUnion('type', [
  /** No login: is the first-run wizard needed, is the staff passcode locked. (Languages travel in the session snapshot.) */
  z.object({ type: z.literal('status') }),
  /** 初回設定: sets both credentials; refused once an admin password exists. */
  z.object({ type: z.literal('setup'), staffPasscode: secret, adminPassword: secret }),
  z.object({ type: z.literal('login'), role: adminRoleSchema, secret }),
  z.object({ type: z.literal('logout'), token }),
  z.object({ type: z.literal('settings'), token }),
  z.object({ type: z.literal('update-settings'), token, settings: editableSettingsSchema.partial() }),
  z.object({ type: z.literal('change-credential'), token, role: adminRoleSchema, secret }),
  z.object({ type: z.literal('diagnostics'), token }),
  /**
   * Runs every check now (reader, pcscd, camera, models, service, disk), then the self-test steps
   * (a card on the reader at standby, the face model on a built-in image, the service) and
   * answers diagnostics with the result.
   */
  z.object({ type: z.literal('self-test'), token }),
  /** The last `periods` days, weeks or months, the current one (so far) included. */
  z.object({ type: z.literal('troubles'), token, granularity: troubleGranularitySchema, periods: z.number().int().min(1).max(366) }),
  z.object({ type: z.literal('staff-panel'), token }),
]);
export type AdminRequest = z.infer<typeof adminRequestSchema>;

const statusView = z.object({
  kind: z.literal('status'),
  setupRequired: z.boolean(),
  /** While the 目視 passcode is locked after wrong entries: until when (the screen shows it). */
  staffLockedUntil: isoInstant.nullable(),
});

const loginView = z.object({ kind: z.literal('login'), token, role: adminRoleSchema, expiresAt: isoInstant });

const restartRecordView = z.object({
  slotAt: isoInstant,
  at: isoInstant,
  outcome: z.enum(['started', 'completed', 'failed', 'skipped']),
  action: z.enum(['relaunch-kiosk', 'reset-card-stack', 'os-command']),
  reason: z.enum(['busy-whole-window', 'kiosk-off']).nullable(),
  errorCode: z.string().nullable(),
});

const schedulerView = z.object({
  state: z.enum(['disabled', 'waiting', 'deferred', 'running']),
  /** waiting: the next slot; deferred/running: the slot in hand. */
  slotAt: isoInstant.nullable(),
  /** deferred: the end of the window it may still run in. */
  windowEnd: isoInstant.nullable(),
});

const settingsView = z.object({
  kind: z.literal('settings'),
  settings: editableSettingsSchema,
  /** Whether each credential is set (never the values or hashes). */
  credentials: z.object({ staff: z.boolean(), admin: z.boolean() }),
  restart: schedulerView,
  restartHistory: z.array(restartRecordView).max(50),
  /** After update-settings: keys saved but applied only after the next restart. */
  appliesAtRestart: z.array(z.string()).max(20),
});

const checkErrorView = z.object({ code: z.string(), message: z.string().max(500), at: isoInstant });

export const checkNameSchema = z.enum(['reader', 'pcscd', 'camera', 'models', 'service', 'disk']);
export type CheckName = z.infer<typeof checkNameSchema>;

export const selfTestStepNameSchema = z.enum(['card', 'face', 'service']);

const selfTestView = z.object({
  at: isoInstant,
  steps: z
    .array(
      z.object({
        name: selfTestStepNameSchema,
        outcome: z.enum(['ok', 'failed', 'skipped']),
        /** ok: how long the step took (card read, model run, service answer). */
        ms: z.number().nonnegative().nullable(),
        /** card ok: the user-auth certificate's expiry (JST date); nothing else of the card. */
        certificateNotAfter: z.iso.date().nullable(),
        /** skipped: no card on the reader, or a patient at the kiosk (the card is never touched then). */
        reason: z.enum(['no-card', 'patient-present']).nullable(),
        error: z.object({ code: z.string(), message: z.string().max(500) }).nullable(),
      }),
    )
    .max(3),
});
export type SelfTestView = z.infer<typeof selfTestView>;

const diagnosticsView = z.object({
  kind: z.literal('diagnostics'),
  at: isoInstant,
  overall: z.enum(['ok', 'healing', 'fault', 'starting']),
  checks: z.array(z.object({ name: checkNameSchema, ok: z.boolean().nullable(), lastError: checkErrorView.nullable(), at: isoInstant.nullable() })),
  reader: z.object({
    state: z.enum(['healthy', 'healing']),
    /** healing: since when, which attempt, and the code staff see (E-OPS-010 / E-OPS-009). */
    since: isoInstant.nullable(),
    attempt: z.number().int().nonnegative().nullable(),
    code: z.string().nullable(),
    /** healthy: how long the last heal took. */
    lastHealMs: z.number().nonnegative().nullable(),
  }),
  restart: schedulerView,
  log: z.array(z.object({ time: isoInstant, level: z.number(), msg: z.string().max(500), code: z.string() })).max(100),
  /** The last self-test since the kiosk started, until the next one. */
  selfTest: selfTestView.nullable(),
});
export type DiagnosticsView = z.infer<typeof diagnosticsView>;

export const troubleCategoryViewSchema = z.object({ key: z.string(), ja: z.string(), en: z.string() });

const troublesView = z.object({
  kind: z.literal('troubles'),
  granularity: troubleGranularitySchema,
  categories: z.array(troubleCategoryViewSchema),
  /** Oldest first; `counts` by category key. */
  periods: z.array(z.object({ start: z.string(), counts: z.record(z.string(), z.number().int().nonnegative()) })),
  /** The same as CSV (UTF-8 with BOM), for the export button. */
  csv: z.string(),
});
export type TroublesView = z.infer<typeof troublesView>;

const bilingual = z.object({ ja: z.string(), en: z.string() });

const staffPanelView = z.object({
  kind: z.literal('staff-panel'),
  /** The reception screen right now (standby, a patient in progress, a result). */
  currentScreen: z.string(),
  current: staffResultSchema.nullable(),
  visits: z.array(z.object({ at: isoInstant, ending: z.string(), result: staffResultSchema.nullable() })).max(50),
  errors: z.array(z.object({ at: isoInstant, code: z.string(), message: z.string().max(500) })).max(50),
  /** Checks queued while the service was unreachable (未確認), oldest first. */
  pending: z.array(z.object({ requestId: z.string(), nameKana: z.string().nullable(), result: bilingual, nextStep: bilingual.nullable() })).max(200),
});
export type StaffPanelView = z.infer<typeof staffPanelView>;

export const adminViewSchema = z.discriminatedUnion('kind', [
  statusView,
  loginView,
  z.object({ kind: z.literal('done') }),
  settingsView,
  diagnosticsView,
  troublesView,
  staffPanelView,
]);
export type AdminView = z.infer<typeof adminViewSchema>;

export const adminReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), view: adminViewSchema }),
  z.object({ ok: z.literal(false), error: kioskErrorSchema }),
]);
export type AdminReply = z.infer<typeof adminReplySchema>;

export type ViewOf<K extends AdminView['kind']> = Extract<AdminView, { kind: K }>;
