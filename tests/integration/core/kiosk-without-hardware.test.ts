/**
 * ARCHITECTURE.md reliability rule: "The kiosk starts to a usable standby even when the reader,
 * camera, models or service are missing, and tells staff exactly what is wrong." The real
 * composed kiosk (reducer, runners, SQLite on disk) with no reader stack connected.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startKiosk, type RunningKiosk } from '../../../src/main/core/compose.js';
import { createLogger } from '../../../src/main/core/logger.js';
import { ERROR_CODES } from '../../../src/shared/errors.js';
import { UNAVAILABLE_CODES } from '../../../src/main/core/unavailable-ports.js';
import { DEFAULT_SESSION_CONFIG } from '../../../src/main/session/config.js';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';

let dataDir: string;
let kiosk: RunningKiosk;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-core-'));
  kiosk = await startKiosk({ dataDir, port: 0, open: 'none', demo: false }, createLogger({ level: 'silent' }));
});

afterEach(async () => {
  await kiosk.close();
  vi.useRealTimers();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a kiosk with no reader stack', () => {
  it('starts at standby and answers a card with an error that names the missing part, then returns to standby', async () => {
    expect(kiosk.core.current().screen).toBe('standby');

    kiosk.dispatchEvent({ type: 'card-inserted', at: new Date() });
    expect(kiosk.core.current().screen).toBe('reading');
    await vi.advanceTimersByTimeAsync(0);

    const shown = kiosk.core.current();
    expect(shown).toMatchObject({ screen: 'error', error: { code: UNAVAILABLE_CODES.card } });

    kiosk.dispatchEvent({ type: 'card-removed' });
    await vi.advanceTimersByTimeAsync(DEFAULT_SESSION_CONFIG.timeoutsMs.error);
    expect(kiosk.core.current().screen).toBe('standby');
  });

  it('refuses an intent that does not fit the screen with a typed error, and clock ticks alone send no snapshot', async () => {
    const seen: string[] = [];
    kiosk.core.subscribe((snapshot) => seen.push(snapshot.screen));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(seen).toEqual([]);

    expect(kiosk.core.handleIntent({ type: 'pin-digit', digit: 3 }, 'test')).toEqual({
      ok: false,
      error: { code: ERROR_CODES.IPC_INTENT_NOT_ALLOWED, message: expect.any(String) },
    });
    expect(kiosk.core.handleIntent({ type: 'set-language', language: 'vi' }, 'test')).toEqual({ ok: true });
    expect(kiosk.core.current()).toMatchObject({ screen: 'standby', language: 'vi' });
  });

  it('writes what happened to the audit chain on disk, and the chain verifies', async () => {
    kiosk.dispatchEvent({ type: 'card-inserted', at: new Date() });
    await vi.advanceTimersByTimeAsync(0);
    kiosk.dispatchEvent({ type: 'card-removed' });
    await kiosk.close();

    const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
    const kinds = db.prepare('SELECT kind FROM audit_log ORDER BY seq').all() as Array<{ kind: string }>;
    db.close();
    expect(kinds.map((k) => k.kind)).toContain('session.card-error');
    const store = openKioskStore(join(dataDir, 'kiosk.sqlite'));
    expect(store.audit.verify()).toMatchObject({ ok: true });
    store.close();

    kiosk = await startKiosk({ dataDir, port: 0, open: 'none', demo: false }, createLogger({ level: 'silent' }));
    expect(kiosk.core.current().screen).toBe('standby');
  });
});
