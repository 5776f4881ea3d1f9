import { describe, expect, it } from 'vitest';
import { createFacilityCredentials } from '../../../src/main/ops/staff-passcode.js';
import { storedCredentialSchema } from '../../../src/main/ops/credential.js';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from '../../../src/main/ops/secret-hash.js';
import { memoryAudit, memoryCredentialStorage } from './fakes.js';

// Cheap scrypt for speed; the record still carries its own parameters, which one test checks.
const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 };
const T0 = new Date('2025-04-01T09:00:00+09:00');
const at = (ms: number) => new Date(T0.getTime() + ms);

function setup() {
  const storage = memoryCredentialStorage();
  const audit = memoryAudit();
  const creds = createFacilityCredentials({ storage, audit, scrypt: FAST });
  return { storage, audit, creds };
}

describe('staff passcode (目視パスコード)', () => {
  it('is refused until set, with the first-run code, and the kiosk is not ready', async () => {
    const { creds } = setup();
    expect(creds.ready()).toBe(false);
    expect(await creds.staff.verify('1234', T0)).toEqual({ ok: false, reason: 'not-set', code: 'E-OPS-003' });
  });

  it('accepts the passcode that was set and rejects another', async () => {
    const { creds } = setup();
    await creds.staff.set('4821', T0);
    expect(await creds.staff.verify('4821', at(1))).toEqual({ ok: true });
    expect(await creds.staff.verify('4822', at(2))).toEqual({ ok: false, reason: 'wrong' });
  });

  it.each(['123', '123456789', '12a4', '', '１２３４', ' 1234'])('refuses to set %j (not 4–8 ASCII digits)', async (bad) => {
    const { creds, storage } = setup();
    await expect(creds.staff.set(bad, T0)).rejects.toMatchObject({ code: 'E-OPS-001' });
    expect(storage.raw.size).toBe(0);
  });

  it('stores a salted scrypt hash with explicit parameters, never the passcode', async () => {
    const storage = memoryCredentialStorage();
    const creds = createFacilityCredentials({ storage, audit: memoryAudit() });
    await creds.staff.set('4821', T0);
    const raw = storage.raw.get('staff')!;
    expect(raw).not.toContain('4821');
    const stored = storedCredentialSchema.parse(JSON.parse(raw));
    expect(stored.hash?.params).toEqual(DEFAULT_SCRYPT_PARAMS);
    // Same passcode, new salt: two facilities with 1234 do not share a hash.
    await creds.staff.set('4821', T0);
    expect(storedCredentialSchema.parse(JSON.parse(storage.raw.get('staff')!)).hash?.hashB64).not.toBe(stored.hash?.hashB64);
  });

  it('locks for 30 s after 3 wrong entries, refusing even the right passcode meanwhile', async () => {
    const { creds } = setup();
    await creds.staff.set('4821', T0);
    expect(await creds.staff.verify('0000', at(0))).toMatchObject({ reason: 'wrong' });
    expect(await creds.staff.verify('0001', at(1000))).toMatchObject({ reason: 'wrong' });
    const third = await creds.staff.verify('0002', at(2000));
    expect(third).toEqual({ ok: false, reason: 'locked', lockedUntil: at(32_000), code: 'E-OPS-004' });
    expect(await creds.staff.verify('4821', at(31_999))).toMatchObject({ reason: 'locked', lockedUntil: at(32_000) });
    expect(await creds.staff.verify('4821', at(32_000))).toEqual({ ok: true });
  });

  it('doubles the lock on each further wrong entry, up to 15 minutes', async () => {
    const { creds } = setup();
    await creds.staff.set('4821', T0);
    let now = 0;
    const locks: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await creds.staff.verify('9999', at(now));
      if (!r.ok && r.reason === 'locked') {
        locks.push(r.lockedUntil.getTime() - at(now).getTime());
        now = r.lockedUntil.getTime() - T0.getTime();
      }
    }
    expect(locks.map((ms) => ms / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('a correct entry resets the count: three more wrong entries before the next lock', async () => {
    const { creds } = setup();
    await creds.staff.set('4821', T0);
    await creds.staff.verify('0000', at(0));
    await creds.staff.verify('0000', at(1));
    await creds.staff.verify('4821', at(2));
    expect(await creds.staff.verify('0000', at(3))).toMatchObject({ reason: 'wrong' });
    expect(await creds.staff.verify('0000', at(4))).toMatchObject({ reason: 'wrong' });
    expect(await creds.staff.verify('0000', at(5))).toMatchObject({ reason: 'locked' });
  });

  it('keeps the lockout across a restart (state lives in the store)', async () => {
    const { storage, audit, creds } = setup();
    await creds.staff.set('4821', T0);
    for (let i = 0; i < 3; i++) await creds.staff.verify('1111', at(i));
    const restarted = createFacilityCredentials({ storage, audit, scrypt: FAST });
    expect(await restarted.staff.verify('4821', at(10))).toMatchObject({ reason: 'locked' });
  });

  it('counts concurrent wrong entries one by one (no lost updates)', async () => {
    const { creds } = setup();
    await creds.staff.set('4821', T0);
    const results = await Promise.all([1, 2, 3, 4].map((i) => creds.staff.verify(`000${i}`, at(i))));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['wrong', 'wrong', 'locked', 'locked']);
  });

  it('treats over-long input as wrong without crashing', async () => {
    const { creds } = setup();
    await creds.staff.set('4821', T0);
    expect(await creds.staff.verify('4'.repeat(100_000), T0)).toMatchObject({ ok: false, reason: 'wrong' });
  });

  it('audits every attempt and change with the outcome, never the passcode', async () => {
    const { creds, audit } = setup();
    await creds.staff.set('4821', at(0));
    await creds.staff.verify('7777', at(1));
    await creds.staff.verify('4821', at(2));
    await expect(creds.staff.set('12', at(3))).rejects.toThrow();
    expect(audit.rows.map((r) => [r.kind, r.detail.outcome ?? r.detail.errorCode ?? null, r.atMs])).toEqual([
      ['credential-changed', null, at(0).getTime()],
      ['credential-attempt', 'wrong', at(1).getTime()],
      ['credential-attempt', 'ok', at(2).getTime()],
      ['credential-change-refused', 'E-OPS-001', at(3).getTime()],
    ]);
    const everything = JSON.stringify(audit.rows);
    expect(everything).not.toMatch(/4821|7777/);
    expect(audit.rows.every((r) => r.detail.role === 'staff')).toBe(true);
  });
});

describe('admin password (管理者パスワード)', () => {
  it('is separate from the staff passcode', async () => {
    const { creds } = setup();
    await creds.staff.set('4821', T0);
    await creds.admin.set('kanri-2025-yoyaku', T0);
    expect(creds.ready()).toBe(true);
    expect(await creds.admin.verify('4821', T0)).toMatchObject({ ok: false });
    expect(await creds.staff.verify('kanri-2025-yoyaku', T0)).toMatchObject({ ok: false });
    expect(await creds.admin.verify('kanri-2025-yoyaku', at(1))).toEqual({ ok: true });
  });

  it.each(['short1', '1234567890123', 'x'.repeat(129)])('refuses %j', async (bad) => {
    const { creds } = setup();
    await expect(creds.admin.set(bad, T0)).rejects.toMatchObject({ code: 'E-OPS-002' });
  });

  it('accepts Japanese passwords and compares them in NFC form', async () => {
    const { creds } = setup();
    await creds.admin.set('がくせいかいかん2025', T0);
    // The same text typed with a combining dakuten (NFD) still matches.
    expect(await creds.admin.verify('がくせいかいかん2025'.normalize('NFD'), at(1))).toEqual({ ok: true });
  });

  it('locks on its own counter: staff lockout does not lock the admin', async () => {
    const { creds } = setup();
    await creds.staff.set('4821', T0);
    await creds.admin.set('kanri-2025-yoyaku', T0);
    for (let i = 0; i < 3; i++) await creds.staff.verify('0000', at(i));
    expect(await creds.staff.verify('4821', at(5))).toMatchObject({ reason: 'locked' });
    expect(await creds.admin.verify('kanri-2025-yoyaku', at(5))).toEqual({ ok: true });
  });
});

describe('with the real store audit log', () => {
  it('every audit row passes the store privacy guard and keeps the hash chain intact', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openKioskStore } = await import('../../../src/main/store/kiosk-store.js');
    const dir = mkdtempSync(join(tmpdir(), 'ops-cred-'));
    const store = openKioskStore(join(dir, 'kiosk.db'));
    try {
      const creds = createFacilityCredentials({ storage: memoryCredentialStorage(), audit: store.audit, scrypt: FAST });
      await creds.staff.set('4821', T0);
      for (let i = 0; i < 4; i++) await creds.staff.verify('0000', at(i));
      expect(store.audit.entries().map((e) => e.detail.outcome ?? e.kind)).toEqual(['credential-changed', 'wrong', 'wrong', 'wrong', 'locked']);
      expect(store.audit.verify()).toMatchObject({ ok: true, rows: 5 });
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
