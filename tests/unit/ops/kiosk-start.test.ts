/**
 * Kiosk start: the PC/SC context lists its readers a moment after it opens. The first round of
 * checks waits for that listing, so a healthy stack never reports itself down at start (no
 * E-OPS-010 "healing itself", no context replaced under a card being placed); a stack that is
 * really missing its reader, or pcscd, still heals.
 */
import { describe, expect, it } from 'vitest';
import { InProcessReaderSource } from '../../../src/main/card/inprocess-reader-source.js';
import { createLogger } from '../../../src/main/core/logger.js';
import { createKioskOps } from '../../../src/main/ops/kiosk-ops.js';
import type { ReaderStack } from '../../../src/main/ops/reader-stack.js';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { tempDir } from '../store/temp-db.js';
import { FakeClock } from './fake-clock.js';
import { fakeActivity } from './fakes.js';

/** A stack whose context lists 'Reader 0' `listAfterMs` after start (never when undefined). */
function stack(options: { listAfterMs?: number; daemon?: boolean }) {
  const opened = Date.now();
  const calls = { reestablish: 0 };
  const listed = () => options.listAfterMs !== undefined && Date.now() - opened >= options.listAfterMs;
  const s: ReaderStack = {
    readers: () => (listed() ? ['Reader 0'] : []),
    daemonAlive: async () => options.daemon ?? true,
    reestablish: async () => void calls.reestablish++,
    reconnect: async () => undefined,
    onDown: () => () => undefined,
  };
  return { stack: s, calls };
}

function start(readerStack: ReaderStack) {
  const dir = tempDir();
  const lines: string[] = [];
  const ops = createKioskOps({
    store: openKioskStore(`${dir}/kiosk.sqlite`),
    log: createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } }),
    dataDir: dir,
    activity: fakeActivity(),
    stack: readerStack,
    schedulerClock: new FakeClock(new Date('2025-01-06T01:00:00Z')),
    modelsLoaded: () => true,
    serviceEndpoint: () => 'http://127.0.0.1:9/',
    capabilities: { relaunchKiosk: async () => undefined, resetCardStack: async () => undefined },
    cards: { source: new InProcessReaderSource([]), trust: { authCas: [] } },
  });
  ops.start();
  const readerCheck = () => ops.watchdog.snapshot().find((c) => c.name === 'reader');
  return { ops, lines, readerCheck };
}

async function until(check: () => boolean, ms = 4_000): Promise<void> {
  const giveUp = Date.now() + ms;
  while (!check()) {
    if (Date.now() > giveUp) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('kiosk start with a reader stack that lists its reader late', () => {
  it('a reader listed 300 ms after start: the reader check is green at its first run and nothing heals', async () => {
    const { stack: s, calls } = stack({ listAfterMs: 300 });
    const { ops, lines, readerCheck } = start(s);
    await until(() => readerCheck()?.ok !== undefined);
    expect(readerCheck()).toMatchObject({ ok: true, lastError: null });
    expect(ops.healer.current()).toEqual({ state: 'healthy', lastHealMs: null });
    expect(calls.reestablish).toBe(0);
    expect(lines.join('\n')).not.toMatch(/E-OPS-01[0]|healing itself/);
    ops.stop();
  });

  it('no reader at all: after the wait the check is red (E-OPS-009) and the healer works on it', async () => {
    const { stack: s } = stack({});
    const { ops, readerCheck } = start(s);
    await until(() => readerCheck()?.ok !== undefined);
    expect(readerCheck()).toMatchObject({ ok: false, lastError: { code: 'E-OPS-009' } });
    await until(() => ops.healer.current().state === 'healing');
    ops.stop();
  });

  it('pcscd down at start: no wait, the pcscd check is red (E-OPS-010) and healing starts at once', async () => {
    const { stack: s } = stack({ daemon: false });
    const { ops } = start(s);
    await until(() => ops.healer.current().state === 'healing', 500);
    expect(ops.watchdog.snapshot().find((c) => c.name === 'pcscd')).toMatchObject({ ok: false, lastError: { code: 'E-OPS-010' } });
    ops.stop();
  });
});
