import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/store/database.js';
import { MIGRATIONS } from '../../../src/main/store/migrations.js';
import { STORE_ERRORS } from '../../../src/main/store/error-codes.js';
import { tempDbFile } from './temp-db.js';

describe('database file', () => {
  it('runs every migration on a fresh file and records the schema version', () => {
    const db = openDatabase(tempDbFile());
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['audit_log', 'consents', 'declarations', 'pending_queue', 'restart_history', 'settings', 'trouble_counts']);
    db.close();
  });

  it('uses WAL with synchronous=FULL so a committed write survives a power cut', () => {
    const db = openDatabase(tempDbFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    db.close();
  });

  it('reopens an existing file without re-running migrations or losing rows', () => {
    const file = tempDbFile();
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    first.close();
    const again = openDatabase(file);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('1');
    again.close();
  });

  it('refuses a database written by a newer kiosk instead of corrupting it', () => {
    const file = tempDbFile();
    const db = openDatabase(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: STORE_ERRORS.SCHEMA_TOO_NEW }));
  });

  it('gives a typed error for a file that is not a database', async () => {
    const file = tempDbFile();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, Buffer.alloc(4096, 0x5a));
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: STORE_ERRORS.OPEN_FAILED }));
  });
});
