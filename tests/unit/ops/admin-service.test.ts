/**
 * The staff/admin channel as the renderer uses it: first-run wizard, logins with their lockout,
 * the token check before everything else, validated and audited settings changes that take effect
 * at once, and the trouble statistics with their CSV. Real SQLite store, real credentials.
 */
import { describe, expect, it } from 'vitest';
import { openKioskStore, type KioskStore } from '../../../src/main/store/kiosk-store.js';
import { createKioskOps } from '../../../src/main/ops/kiosk-ops.js';
import { createAdminService, type AdminService } from '../../../src/main/ops/admin-service.js';
import { ReceptionHistory } from '../../../src/main/ops/reception-history.js';
import { InProcessReaderSource } from '../../../src/main/card/inprocess-reader-source.js';
import { createLogger } from '../../../src/main/core/logger.js';
import type { ReaderStack } from '../../../src/main/ops/reader-stack.js';
import type { AdminReply, AdminView } from '../../../src/shared/admin.js';
import { FakeClock } from './fake-clock.js';
import { fakeActivity } from './fakes.js';
import { tempDir } from '../store/temp-db.js';

const stack: ReaderStack = {
  readers: () => ['Reader 0'],
  daemonAlive: async () => true,
  reestablish: async () => undefined,
  reconnect: async () => undefined,
  onDown: () => () => undefined,
};

function kiosk(logLines: string[] = []): { admin: AdminService; store: KioskStore; clock: FakeClock; saves: { count: number } } {
  const dir = tempDir();
  const saves = { count: 0 };
  const store = openKioskStore(`${dir}/kiosk.sqlite`);
  // 2025-01-06 (Mon) 10:00 JST.
  const clock = new FakeClock(new Date('2025-01-06T01:00:00Z'));
  const log = createLogger({ level: 'info', destination: { write: (line: string) => void logLines.push(line) } });
  const ops = createKioskOps({
    store,
    log,
    dataDir: dir,
    activity: fakeActivity(),
    stack,
    schedulerClock: clock,
    modelsLoaded: () => true,
    serviceEndpoint: () => 'http://127.0.0.1:9/',
    capabilities: { relaunchKiosk: async () => undefined, resetCardStack: async () => undefined },
    // An empty reader (no card at standby) and a face model that answers at once.
    cards: { source: new InProcessReaderSource([]), trust: { authCas: [] } },
    faceProbe: async () => ({ ms: 12.4, embeddingLength: 192 }),
  });
  ops.scheduler.start(store.settings.get('restartSchedule'));
  const admin = createAdminService({
    store,
    ops,
    reception: new ReceptionHistory(() => clock.now()),
    session: { current: () => ({ seq: 0, language: 'ja', languages: ['ja'], largeText: false, screen: 'standby' }) },
    pending: () => [],
    settingsChanged: () => void saves.count++,
    now: () => clock.now(),
    log,
  });
  return { admin, store, clock, saves };
}

function view<K extends AdminView['kind']>(reply: AdminReply, kind: K): Extract<AdminView, { kind: K }> {
  if (!reply.ok) throw new Error(`expected ${kind}, got ${reply.error.code}`);
  expect(reply.view.kind).toBe(kind);
  return reply.view as Extract<AdminView, { kind: K }>;
}

const errorCode = (reply: AdminReply) => (reply.ok ? 'ok' : reply.error.code);

describe('admin channel', () => {
  it('first run: the wizard sets both credentials once, refuses bad formats whole, then never again', async () => {
    const { admin, store } = kiosk();
    expect(view(await admin.handle({ type: 'status' }, 't'), 'status').setupRequired).toBe(true);
    expect(errorCode(await admin.handle({ type: 'setup', staffPasscode: '12', adminPassword: 'long enough password' }, 't'))).toBe('E-OPS-001');
    expect(store.settings.get('adminCredential').hash).toBeNull();

    const login = view(await admin.handle({ type: 'setup', staffPasscode: '2468', adminPassword: 'kiosk admin 2025' }, 't'), 'login');
    expect(login.role).toBe('admin');
    expect(view(await admin.handle({ type: 'status' }, 't'), 'status').setupRequired).toBe(false);
    expect(errorCode(await admin.handle({ type: 'setup', staffPasscode: '1111', adminPassword: 'attacker password' }, 't'))).toBe('E-OPS-019');
    // The stored values are hashes: neither secret appears anywhere in the database.
    const dump = JSON.stringify(store.db.prepare('SELECT * FROM settings').all()) + JSON.stringify(store.audit.entries());
    expect(dump).not.toContain('2468');
    expect(dump).not.toContain('kiosk admin 2025');
  });

  it('every request but status, setup and login needs a live token; staff tokens reach only the staff panel', async () => {
    const { admin, clock } = kiosk();
    await admin.handle({ type: 'setup', staffPasscode: '2468', adminPassword: 'kiosk admin 2025' }, 't');
    expect(errorCode(await admin.handle({ type: 'settings', token: 'x'.repeat(43) }, 't'))).toBe('E-OPS-018');

    const staff = view(await admin.handle({ type: 'login', role: 'staff', secret: '2468' }, 't'), 'login');
    expect(view(await admin.handle({ type: 'staff-panel', token: staff.token }, 't'), 'staff-panel').currentScreen).toBe('standby');
    expect(errorCode(await admin.handle({ type: 'settings', token: staff.token }, 't'))).toBe('E-OPS-020');

    await clock.advance(11 * 60_000);
    expect(errorCode(await admin.handle({ type: 'staff-panel', token: staff.token }, 't'))).toBe('E-OPS-018');
  });

  it('wrong admin passwords lock the login (E-OPS-004) and every attempt is audited', async () => {
    const { admin, store } = kiosk();
    await admin.handle({ type: 'setup', staffPasscode: '2468', adminPassword: 'kiosk admin 2025' }, 't');
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(errorCode(await admin.handle({ type: 'login', role: 'admin', secret: 'not the password' }, 't')));
    expect(codes).toEqual(['E-OPS-021', 'E-OPS-021', 'E-OPS-004', 'E-OPS-004']);
    // Even the right password waits out the lock.
    expect(errorCode(await admin.handle({ type: 'login', role: 'admin', secret: 'kiosk admin 2025' }, 't'))).toBe('E-OPS-004');
    const attempts = store.audit.entries().filter((e) => e.kind === 'credential-attempt' && e.detail.role === 'admin');
    expect(attempts.map((e) => e.detail.outcome)).toEqual(['wrong', 'wrong', 'wrong', 'locked', 'locked']);
  });

  it('a settings change is validated, audited by key and applied at once (the scheduler moves to the new time, the session is told)', async () => {
    const { admin, store, saves } = kiosk();
    const { token } = view(await admin.handle({ type: 'setup', staffPasscode: '2468', adminPassword: 'kiosk admin 2025' }, 't'), 'login');
    const before = view(await admin.handle({ type: 'settings', token }, 't'), 'settings');
    expect(before.restart.slotAt).toBe('2025-01-06T18:30:00.000Z'); // 03:30 JST the next night

    const bad = await admin.handle({ type: 'update-settings', token, settings: { consentItems: ['surgery', 'surgery'] } }, 't');
    expect(errorCode(bad)).toBe('E-IPC-001');
    expect(store.settings.get('consentItems')).toEqual(['surgery', 'medication', 'checkup']);
    expect(saves.count).toBe(0);

    const schedule = { ...before.settings.restartSchedule, time: '10:02' };
    const after = view(await admin.handle({ type: 'update-settings', token, settings: { restartSchedule: schedule, receiptFolder: '/srv/rececon', consentItems: [] } }, 't'), 'settings');
    expect(after.restart).toMatchObject({ state: 'waiting', slotAt: '2025-01-06T01:02:00.000Z' });
    expect(after.appliesAtRestart).toEqual(['receiptFolder']);
    expect(store.settings.get('consentItems')).toEqual([]);
    expect(saves.count).toBe(1);
    const changed = store.audit.entries().filter((e) => e.kind === 'settings-changed');
    expect(changed.map((e) => e.detail.keys)).toEqual(['restartSchedule,consentItems,receiptFolder']);
  });

  it('trouble statistics per day and per month with a CSV Excel reads (BOM, CRLF)', async () => {
    const { admin, store, clock } = kiosk();
    const { token } = view(await admin.handle({ type: 'setup', staffPasscode: '2468', adminPassword: 'kiosk admin 2025' }, 't'), 'login');
    const now = clock.now().getTime();
    store.troubles.count('unknownCharacters', now);
    store.troubles.count('unknownCharacters', now - 86_400_000);
    const troubles = view(await admin.handle({ type: 'troubles', token, granularity: 'day', periods: 2 }, 't'), 'troubles');
    expect(troubles.periods.map((p) => [p.start, p.counts.unknownCharacters])).toEqual([
      ['2025-01-05', 1],
      ['2025-01-06', 1],
    ]);
    expect(troubles.csv.startsWith('\uFEFFday,category,label_ja,label_en,count\r\n')).toBe(true);

    // The month view: the current month and the 11 before it, whole months, as the survey counts.
    const months = view(await admin.handle({ type: 'troubles', token, granularity: 'month', periods: 12 }, 't'), 'troubles');
    expect(months.periods).toHaveLength(12);
    expect(months.periods[0]?.start).toBe('2024-02-01');
    expect(months.periods.at(-1)).toMatchObject({ start: '2025-01-01', counts: { unknownCharacters: 2 } });
    expect(months.csv).toContain('2025-01,unknownCharacters,「●」表示');
  });

  it('self-test: every step in the diagnostics answer with its outcome and code, audited', async () => {
    const { admin, store } = kiosk();
    const { token } = view(await admin.handle({ type: 'setup', staffPasscode: '2468', adminPassword: 'kiosk admin 2025' }, 't'), 'login');
    expect(view(await admin.handle({ type: 'diagnostics', token }, 't'), 'diagnostics').selfTest).toBeNull();
    const diagnostics = view(await admin.handle({ type: 'self-test', token }, 't'), 'diagnostics');
    expect(diagnostics.selfTest?.steps).toEqual([
      { name: 'card', outcome: 'skipped', reason: 'no-card', ms: null, certificateNotAfter: null, error: null },
      { name: 'face', outcome: 'ok', ms: 12, reason: null, certificateNotAfter: null, error: null },
      // Nothing listens on port 9.
      { name: 'service', outcome: 'failed', error: { code: 'E-OPS-014', message: expect.stringContaining('connection failed') }, ms: null, reason: null, certificateNotAfter: null },
    ]);
    // It stays on the page for the 2-second refresh.
    expect(view(await admin.handle({ type: 'diagnostics', token }, 't'), 'diagnostics').selfTest).toEqual(diagnostics.selfTest);
    expect(store.audit.entries().filter((e) => e.kind.startsWith('self-test')).map((e) => [e.kind, e.detail])).toEqual([
      ['self-test', {}],
      ['self-test-result', { card: 'skipped', face: 'ok', service: 'E-OPS-014' }],
    ]);
  });

  it('a malformed message gets E-IPC-001 and its content is not logged', async () => {
    const lines: string[] = [];
    const { admin } = kiosk(lines);
    expect(errorCode(await admin.handle({ type: 'login', role: 'root', secret: '2468' }, 't'))).toBe('E-IPC-001');
    expect(lines.join('')).toContain('E-IPC-001');
    expect(errorCode(await admin.handle('not an object', 't'))).toBe('E-IPC-001');
    expect(lines.join('')).not.toContain('2468');
  });
});
