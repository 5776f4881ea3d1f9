import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/core/logger.js';
import { openKioskStore, type KioskStore } from '../../../src/main/store/kiosk-store.js';
import { diagnosticsSnapshot, overallState } from '../../../src/main/ops/diagnostics.js';
import type { CheckState } from '../../../src/main/ops/health-check.js';
import { logFault, recentCodedLines } from '../../../src/main/ops/ops-log.js';
import { RotatingLogFile } from '../../../src/main/ops/rotating-log-file.js';
import { firstDayOfLast, troubleCsv, troublePeriods } from '../../../src/main/ops/trouble-report.js';

let dir: string;
let store: KioskStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ops-diag-'));
  store = openKioskStore(join(dir, 'kiosk.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const jstMs = (s: string) => new Date(`${s}+09:00`).getTime();

describe('trouble statistics by 保団連 category', () => {
  beforeEach(() => {
    // Mon 2025-06-02 … Sun 06-08, then Mon 06-09. 23:30 JST counts on that JST day, not UTC's.
    store.troubles.count('readerFault', jstMs('2025-06-02T09:00:00'));
    store.troubles.count('readerFault', jstMs('2025-06-02T23:30:00'));
    store.troubles.count('unknownCharacters', jstMs('2025-06-04T10:00:00'));
    store.troubles.count('certificateExpired', jstMs('2025-06-08T08:00:00'));
    store.troubles.count('readerFault', jstMs('2025-06-09T08:00:00'));
  });

  it('per day: one period per JST day, every category present', () => {
    const days = troublePeriods(store.troubles, '2025-06-02', '2025-06-04', 'day');
    expect(days.map((d) => [d.start, d.totals.readerFault, d.totals.unknownCharacters])).toEqual([
      ['2025-06-02', 2, 0],
      ['2025-06-03', 0, 0],
      ['2025-06-04', 0, 1],
    ]);
    expect(Object.keys(days[0]!.totals)).toHaveLength(10);
  });

  it('per week: Monday-start weeks, clipped to the range', () => {
    const weeks = troublePeriods(store.troubles, '2025-06-04', '2025-06-10', 'week');
    expect(weeks.map((w) => [w.start, w.totals.readerFault, w.totals.unknownCharacters, w.totals.certificateExpired])).toEqual([
      ['2025-06-04', 0, 1, 1],
      ['2025-06-09', 1, 0, 0],
    ]);
  });

  it('CSV: BOM for Excel, one row per period and category, quoted labels survive a round trip', () => {
    const csv = troubleCsv(troublePeriods(store.troubles, '2025-06-02', '2025-06-03', 'day'), 'day');
    expect(csv.startsWith('\uFEFFday,category,label_ja,label_en,count\r\n')).toBe(true);
    const rows = csv.slice(1).trim().split('\r\n');
    expect(rows).toHaveLength(1 + 2 * 10);
    expect(rows).toContain('2025-06-02,readerFault,カードリーダーの接続不良・エラー,reader connection or authentication error,2');
    expect(rows).toContain('2025-06-02,unknownCharacters,「●」表示,"names shown with ""●""",0');
  });

  it('per calendar month (the survey asks about months, e.g. Oct–Dec): month ends in JST, CSV names the month', () => {
    // 23:30 JST on 30 June counts for June; 00:30 JST on 1 July (still 30 June in UTC) for July.
    store.troubles.count('certificateExpired', jstMs('2025-06-30T23:30:00'));
    store.troubles.count('certificateExpired', jstMs('2025-07-01T00:30:00'));
    store.troubles.count('qualificationNotFound', jstMs('2025-08-31T12:00:00'));
    const months = troublePeriods(store.troubles, '2025-05-01', '2025-08-15', 'month');
    expect(months.map((m) => [m.start, m.totals.readerFault, m.totals.certificateExpired, m.totals.qualificationNotFound])).toEqual([
      ['2025-05-01', 0, 0, 0],
      ['2025-06-01', 3, 2, 0],
      ['2025-07-01', 0, 1, 0],
      // The current month so far: 31 August is after the range's last day.
      ['2025-08-01', 0, 0, 0],
    ]);
    const rows = troubleCsv(months, 'month').slice(1).trim().split('\r\n');
    expect(rows[0]).toBe('month,category,label_ja,label_en,count');
    expect(rows).toContain('2025-06,certificateExpired,電子証明書の有効期限切れ,certificate expired,2');
    expect(rows).toHaveLength(1 + 4 * 10);
  });

  it('the last N periods start on a whole period: N days back, the Monday N−1 weeks back, the 1st N−1 months back', () => {
    // Wed 2025-01-15.
    expect(firstDayOfLast(14, '2025-01-15', 'day')).toBe('2025-01-02');
    expect(firstDayOfLast(12, '2025-01-15', 'week')).toBe('2024-10-28');
    expect(firstDayOfLast(1, '2025-01-15', 'week')).toBe('2025-01-13');
    expect(firstDayOfLast(12, '2025-01-15', 'month')).toBe('2024-02-01');
    expect(firstDayOfLast(3, '2025-03-31', 'month')).toBe('2025-01-01');
    const weeks = troublePeriods(store.troubles, firstDayOfLast(12, '2025-06-10', 'week'), '2025-06-10', 'week');
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toMatchObject({ start: '2025-06-09' });
  });

  it('an empty range gives a header-only CSV, not an error', () => {
    expect(troubleCsv(troublePeriods(store.troubles, '2025-06-05', '2025-06-04', 'week'), 'week')).toBe('\uFEFFweek_start,category,label_ja,label_en,count\r\n');
  });
});

describe('log rotation and coded log lines', () => {
  it('rotates by size, keeps N old files, and every line is whole JSON', () => {
    const file = join(dir, 'kiosk.log');
    const dest = new RotatingLogFile({ file, maxBytes: 2_000, keep: 2 });
    const logger = createLogger({ destination: dest });
    for (let i = 0; i < 100; i++) logFault(logger, 'E-OPS-010', 'pcscd down', { attempt: i });
    dest.close();
    expect(readdirSync(dir).filter((f) => f.startsWith('kiosk.log')).sort()).toEqual(['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']);
    for (const f of ['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2_000);
      for (const line of text.trim().split('\n')) expect(JSON.parse(line)).toMatchObject({ code: 'E-OPS-010' });
    }
    // The newest line is in the current file.
    expect(recentCodedLines(file, 1)[0]).toMatchObject({ code: 'E-OPS-010', msg: 'pcscd down' });
  });

  it('appends to an existing log across restarts and redacts secrets even if passed by mistake', () => {
    const file = join(dir, 'kiosk.log');
    for (let run = 0; run < 2; run++) {
      const dest = new RotatingLogFile({ file, maxBytes: 1_000_000, keep: 1 });
      logFault(createLogger({ destination: dest }), 'E-OPS-004', 'staff passcode locked', { passcode: '4821' } as Record<string, string>);
      dest.close();
    }
    const text = readFileSync(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(text).not.toContain('4821');
  });

  it('recent coded lines: newest first, skips uncoded and torn lines, missing file is empty', () => {
    const file = join(dir, 'kiosk.log');
    const dest = new RotatingLogFile({ file, maxBytes: 1_000_000, keep: 1 });
    const logger = createLogger({ destination: dest });
    logFault(logger, 'E-OPS-014', 'service unreachable');
    logger.info('plain line');
    logFault(logger, 'E-OPS-015', 'disk low');
    dest.write('{"level":40,"time":1,"code":"E-OPS-0');
    dest.close();
    expect(recentCodedLines(file, 10).map((l) => l.code)).toEqual(['E-OPS-015', 'E-OPS-014']);
    expect(recentCodedLines(join(dir, 'nope.log'), 10)).toEqual([]);
  });
});

describe('diagnostics snapshot', () => {
  const at = new Date('2025-06-03T10:00:00+09:00');
  const green = (name: CheckState['name']): CheckState => ({ name, ok: true, lastError: null, at });
  const red = (name: CheckState['name'], code: string): CheckState => ({ name, ok: false, lastError: { code, message: code, at }, at });

  it('overall: healing beats fault; fault when any check is red; starting before the first run', () => {
    const healing = { state: 'healing', since: at, attempt: 3, step: 'wait-for-pcscd', nextAttemptAt: at, escalated: false, code: 'E-OPS-010' } as const;
    expect(overallState([red('pcscd', 'E-OPS-010')], healing)).toBe('healing');
    expect(overallState([green('pcscd'), red('disk', 'E-OPS-015')], { state: 'healthy', lastHealMs: null })).toBe('fault');
    expect(overallState([{ name: 'camera', ok: undefined, lastError: null, at: null }], { state: 'healthy', lastHealMs: null })).toBe('starting');
    expect(overallState([green('pcscd'), green('reader')], { state: 'healthy', lastHealMs: 92 })).toBe('ok');
  });

  it('gathers checks, reader, scheduler and log in one snapshot', () => {
    const snap = diagnosticsSnapshot({
      now: () => at,
      checks: () => [green('reader'), red('service', 'E-OPS-014')],
      reader: () => ({ state: 'healthy', lastHealMs: 92 }),
      restart: () => ({ state: 'waiting', nextSlot: at }),
      log: () => [{ time: 1, level: 40, msg: 'service unreachable', code: 'E-OPS-014' }],
      selfTest: () => null,
    });
    expect(snap).toMatchObject({ overall: 'fault', restart: { state: 'waiting' }, log: [{ code: 'E-OPS-014' }] });
    expect(snap.checks.map((c) => c.lastError?.code ?? null)).toEqual([null, 'E-OPS-014']);
  });
});
