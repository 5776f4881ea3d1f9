/**
 * The staff/admin channel's main side: validates every message, checks the login token before
 * anything else, carries the request out and answers with a view from src/shared/admin.ts.
 * Logins go through the facility credentials (scrypt, growing lockout, audited); setting changes
 * and self-tests are audited by name, never with a secret. Nothing here throws into the shell.
 */
import { adminRequestSchema, type AdminReply, type AdminRequest, type AdminRole, type AdminView, type TroubleGranularity, type ViewOf } from '../../shared/admin.js';
import { SETTINGS_APPLIED_AT_RESTART, type EditableSettingKey, type EditableSettings } from '../../shared/admin-settings.js';
import { ERROR_CODES, KioskError, type KioskErrorPayload } from '../../shared/errors.js';
import type { SessionSnapshot } from '../../shared/snapshot.js';
import type { Logger } from '../core/logger.js';
import type { KioskStore } from '../store/kiosk-store.js';
import { TROUBLE_CATEGORIES, TROUBLE_CATEGORY_KEYS } from '../store/trouble-categories.js';
import { jstDay } from '../store/trouble-statistics.js';
import { AdminSessions } from './admin-sessions.js';
import { diagnosticsView, restartRecordView, schedulerView } from './admin-views.js';
import { OPS_ERRORS } from './error-codes.js';
import type { KioskOps } from './kiosk-ops.js';
import type { ReceptionHistory } from './reception-history.js';
import { checkAdminPassword, checkStaffPasscode } from './staff-passcode.js';
import { firstDayOfLast, troubleCsv, troublePeriods } from './trouble-report.js';

export interface PendingCheck {
  readonly requestId: string;
  readonly nameKana: string | null;
  readonly result: { readonly ja: string; readonly en: string };
  readonly nextStep: { readonly ja: string; readonly en: string } | null;
}

export interface AdminServiceDeps {
  readonly store: KioskStore;
  readonly ops: KioskOps;
  readonly reception: ReceptionHistory;
  readonly session: { current(): SessionSnapshot };
  /** Checks queued while the service was down (未確認). */
  readonly pending: () => readonly PendingCheck[];
  /** After settings were saved: the composition root hands them to the session (applied at standby). */
  readonly settingsChanged: () => void;
  readonly now: () => Date;
  readonly log: Logger;
}

export interface AdminService {
  handle(raw: unknown, origin: string): Promise<AdminReply>;
}

const RESTART_HISTORY_SHOWN = 30;

const fail = (error: { code: string; message: string }): AdminReply => ({ ok: false, error: { code: error.code, message: error.message } });
const ok = (view: AdminView): AdminReply => ({ ok: true, view });

/** Requests reception staff may make with the 目視 passcode; everything else needs the admin password. */
const STAFF_ALLOWED: ReadonlySet<AdminRequest['type']> = new Set(['staff-panel', 'logout']);

export function createAdminService(deps: AdminServiceDeps): AdminService {
  const { store, ops, log } = deps;
  const sessions = new AdminSessions(deps.now);
  const credential = (role: AdminRole) => (role === 'staff' ? ops.credentials.staff : ops.credentials.admin);
  const audit = (kind: string, detail: Record<string, string | number | boolean>) => store.audit.append(kind, detail, deps.now().getTime());

  function status(): ViewOf<'status'> {
    const lock = store.settings.get('staffCredential').lockout.lockedUntilMs;
    return {
      kind: 'status',
      setupRequired: !ops.credentials.ready(),
      staffLockedUntil: lock > deps.now().getTime() ? new Date(lock).toISOString() : null,
    };
  }

  function settings(appliesAtRestart: readonly string[] = []): ViewOf<'settings'> {
    const all = store.settings.getAll();
    return {
      kind: 'settings',
      settings: {
        restartSchedule: all.restartSchedule,
        consentItems: all.consentItems,
        askPrescription: all.askPrescription,
        languagesOffered: all.languagesOffered,
        screenTimeouts: all.screenTimeouts,
        qualificationEndpoint: all.qualificationEndpoint,
        receiptFolder: all.receiptFolder,
        retentionDays: all.retentionDays,
      },
      credentials: { staff: ops.credentials.staff.isSet(), admin: ops.credentials.admin.isSet() },
      restart: schedulerView(ops.scheduler.current()),
      restartHistory: store.restarts.recent(RESTART_HISTORY_SHOWN).map(restartRecordView),
      appliesAtRestart: [...appliesAtRestart],
    };
  }

  function updateSettings(patch: Partial<EditableSettings>): ViewOf<'settings'> {
    const keys = Object.keys(patch) as EditableSettingKey[];
    for (const key of keys) store.settings.set(key, patch[key] as never);
    if (patch.restartSchedule) ops.scheduler.reconfigure(patch.restartSchedule);
    deps.settingsChanged();
    audit('settings-changed', { keys: keys.join(',') });
    log.info({ keys }, 'settings changed on the admin screen');
    return settings(keys.filter((k) => SETTINGS_APPLIED_AT_RESTART.includes(k)));
  }

  function troubles(granularity: TroubleGranularity, count: number): ViewOf<'troubles'> {
    const today = jstDay(deps.now().getTime());
    const periods = troublePeriods(store.troubles, firstDayOfLast(count, today, granularity), today, granularity);
    return {
      kind: 'troubles',
      granularity,
      categories: TROUBLE_CATEGORY_KEYS.map((key) => ({ key, ja: TROUBLE_CATEGORIES[key].ja, en: TROUBLE_CATEGORIES[key].en })),
      periods: periods.map((p) => ({ start: p.start, counts: { ...p.totals } })),
      csv: troubleCsv(periods, granularity),
    };
  }

  function staffPanel(): ViewOf<'staff-panel'> {
    const snapshot = deps.session.current();
    return {
      kind: 'staff-panel',
      currentScreen: snapshot.screen,
      current: snapshot.screen === 'done' ? snapshot.result : null,
      visits: deps.reception.recentVisits().map((v) => ({ at: v.at.toISOString(), ending: v.ending, result: v.result })),
      errors: deps.reception.recentErrors().map((e) => ({ at: e.at.toISOString(), code: e.error.code, message: e.error.message.slice(0, 500) })),
      pending: deps.pending().slice(0, 200).map((p) => ({ requestId: p.requestId, nameKana: p.nameKana, result: p.result, nextStep: p.nextStep })),
    };
  }

  async function login(role: AdminRole, secret: string): Promise<AdminReply> {
    const verdict = await credential(role).verify(secret, deps.now());
    if (verdict.ok) {
      const session = sessions.open(role);
      return ok({ kind: 'login', token: session.token, role, expiresAt: session.expiresAt.toISOString() });
    }
    if (verdict.reason === 'locked') return fail({ code: verdict.code, message: `${OPS_ERRORS.CREDENTIAL_LOCKED.message} (${verdict.lockedUntil.toISOString()})` });
    if (verdict.reason === 'not-set') return fail(OPS_ERRORS.CREDENTIAL_NOT_SET);
    return fail(OPS_ERRORS.WRONG_SECRET);
  }

  async function setup(staffPasscode: string, adminPassword: string): Promise<AdminReply> {
    if (ops.credentials.admin.isSet()) return fail(OPS_ERRORS.SETUP_DONE);
    // Both formats first: a wizard that fails halfway must not leave one credential set.
    const formatError = checkStaffPasscode(staffPasscode) ?? checkAdminPassword(adminPassword);
    if (formatError) return fail(formatError);
    await ops.credentials.staff.set(staffPasscode, deps.now());
    await ops.credentials.admin.set(adminPassword, deps.now());
    const session = sessions.open('admin');
    return ok({ kind: 'login', token: session.token, role: 'admin', expiresAt: session.expiresAt.toISOString() });
  }

  async function authorised(request: Exclude<AdminRequest, { type: 'status' | 'setup' | 'login' }>, role: AdminRole): Promise<AdminReply> {
    if (role === 'staff' && !STAFF_ALLOWED.has(request.type)) return fail(OPS_ERRORS.ADMIN_ONLY);
    switch (request.type) {
      case 'logout':
        sessions.close(request.token);
        return ok({ kind: 'done' });
      case 'settings':
        return ok(settings());
      case 'update-settings':
        return ok(updateSettings(request.settings));
      case 'change-credential':
        await credential(request.role).set(request.secret, deps.now());
        return ok({ kind: 'done' });
      case 'diagnostics':
        return ok(diagnosticsView(ops.diagnostics()));
      case 'self-test': {
        audit('self-test', {});
        const result = await ops.selfTest();
        audit('self-test-result', Object.fromEntries(result.steps.map((s) => [s.name, s.outcome === 'failed' ? s.code : s.outcome])));
        return ok(diagnosticsView(ops.diagnostics()));
      }
      case 'troubles':
        return ok(troubles(request.granularity, request.periods));
      case 'staff-panel':
        return ok(staffPanel());
    }
  }

  async function route(request: AdminRequest): Promise<AdminReply> {
    switch (request.type) {
      case 'status':
        return ok(status());
      case 'setup':
        return setup(request.staffPasscode, request.adminPassword);
      case 'login':
        return login(request.role, request.secret);
      default: {
        const role = sessions.check(request.token);
        return role === undefined ? fail(OPS_ERRORS.LOGIN_REQUIRED) : authorised(request, role);
      }
    }
  }

  return {
    async handle(raw, origin) {
      const parsed = adminRequestSchema.safeParse(raw);
      if (!parsed.success) {
        // Where the message was wrong, never its content: it may hold a passcode.
        const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`);
        log.warn({ code: ERROR_CODES.IPC_INVALID_MESSAGE, origin, issues }, 'rejected invalid admin request');
        return { ok: false, error: { code: ERROR_CODES.IPC_INVALID_MESSAGE, message: '不正なメッセージを拒否しました / Invalid message rejected' } };
      }
      try {
        return await route(parsed.data);
      } catch (err) {
        if (err instanceof KioskError) return { ok: false, error: err.toPayload() satisfies KioskErrorPayload };
        log.error({ code: ERROR_CODES.INTERNAL, origin, request: parsed.data.type, err }, 'admin request failed');
        return { ok: false, error: { code: ERROR_CODES.INTERNAL, message: '内部エラー / Internal error' } };
      }
    },
  };
}
