/**
 * The composed kiosk (startKiosk: session, reader monitor, card link, ops) on a private pcscd with
 * its own virtual card: pcscd is killed while the kiosk is idle and while a patient is at the
 * method screen. The session in flight ends cleanly (the card is reported gone, the session ends
 * to standby and the end is audited), and within 10 s of pcscd returning the kiosk is at standby with a
 * reader that reads the next card, nobody having touched it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKiosk, type RunningKiosk } from '../../../src/main/core/compose.js';
import { ASSUME_REGISTERED } from '../../../src/main/core/qualification-port.js';
import { createLogger } from '../../../src/main/core/logger.js';
import { jpkiTrustFrom } from '../../../src/main/card/jpki.js';
import type { SessionSnapshot } from '../../../src/shared/snapshot.js';
import { startVirtualCard, type VirtualCardController } from '../../../sim/card/controller.js';
import { VPCD_BASE_PORT } from '../../../sim/card/vpcd-link.js';
import { testCaCertificates } from '../../../sim/pki/test-pki.js';
import Database from 'better-sqlite3';
import { PrivatePcscd } from './private-pcscd.js';

let pcscd: PrivatePcscd | undefined;
let card: VirtualCardController;
let kiosk: RunningKiosk;
let dataDir: string;
let unavailable = '';

beforeAll(async () => {
  const started = await PrivatePcscd.startOutsideCiSkip();
  if ('unavailable' in started) {
    unavailable = started.unavailable;
    return;
  }
  pcscd = started.pcscd;
  // libpcsclite reads this at the first context of the process: before startKiosk.
  process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;
  // The private pcscd's vpcd listens on its own port: a "slot" that far above the base.
  card = await startVirtualCard({ slot: pcscd.vpcdPort - VPCD_BASE_PORT, link: 'vpcd' });
  const cas = await testCaCertificates();
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-heal-'));
  kiosk = await startKiosk({ dataDir, port: 0, open: 'none', demo: true }, createLogger({ level: 'silent' }), {
    world: {
      // No service is needed to reach the method screen; checks later would queue.
      serviceUrl: 'http://127.0.0.1:9/',
      directory: ASSUME_REGISTERED,
      trust: jpkiTrustFrom([cas.auth.toString('pem')]),
      close: async () => undefined,
    },
  });
}, 30_000);

afterAll(async () => {
  if (!pcscd) return;
  await kiosk?.close();
  await card?.close();
  await pcscd.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

function screen(name: SessionSnapshot['screen'], ms: number): Promise<SessionSnapshot> {
  return new Promise((resolve, reject) => {
    const check = (s: SessionSnapshot) => {
      if (s.screen !== name) return;
      clearTimeout(timer);
      off();
      resolve(s);
    };
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${name} within ${ms} ms (now ${kiosk.core.current().screen})`));
    }, ms);
    const off = kiosk.core.subscribe(check);
    check(kiosk.core.current());
  });
}

/** session-ended audit rows, as staff would read them. */
function sessionEnds(): unknown[] {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    const rows = db.prepare("SELECT detail FROM audit_log WHERE kind = 'session.session-ended' ORDER BY seq").pluck().all() as string[];
    return rows.map((r) => JSON.parse(r) as unknown);
  } finally {
    db.close();
  }
}

const healthy = (ms: number) => expect.poll(() => kiosk.ops.healer.current().state, { timeout: ms, interval: 20 }).toBe('healthy');
const healing = () => expect.poll(() => kiosk.ops.healer.current().state, { timeout: 10_000, interval: 20 }).toBe('healing');

describe('composed kiosk heals after pcscd dies (private pcscd + vpcd)', () => {
  it('idle: back to a working reader within 10 s of pcscd returning', async (ctx) => {
    if (!pcscd) return ctx.skip(`pcscd cannot be started here: ${unavailable}`);
    const daemon = pcscd;
    await expect.poll(() => kiosk.ops.diagnostics().checks.find((c) => c.name === 'reader')?.ok, { timeout: 10_000 }).toBe(true);
    await daemon.kill();
    await healing();
    expect(kiosk.core.current().screen).toBe('standby');

    await daemon.start();
    await healthy(10_000);
    expect(kiosk.core.current().screen).toBe('standby');

    // Working: the next card is read.
    await card.insert('normal-adult');
    await screen('method-choice', 15_000);
    await card.remove();
    await screen('standby', 10_000);
  });

  it('during a session: the patient\'s session ends cleanly; standby with a working reader within 10 s of pcscd returning', async (ctx) => {
    if (!pcscd) return ctx.skip(`pcscd cannot be started here: ${unavailable}`);
    const daemon = pcscd;
    await card.insert('normal-adult');
    await screen('method-choice', 15_000);

    await daemon.kill();
    // The card session died with pcscd: the reader reports the card gone, and the session ends.
    await screen('standby', 10_000);
    expect(sessionEnds()).toContainEqual({ reason: 'card-removed', step: 'method-choice' });
    await healing();
    // The patient takes the card while the reader is down.
    await card.remove();

    await daemon.start();
    await Promise.all([healthy(10_000), screen('standby', 10_000)]);

    // The episode is on the diagnostics page: pcscd's last error, and how long the heal took.
    const diagnostics = kiosk.ops.diagnostics();
    expect(diagnostics.checks.find((c) => c.name === 'pcscd')?.lastError?.code).toBe('E-OPS-010');
    expect(diagnostics.reader).toMatchObject({ state: 'healthy', lastHealMs: expect.any(Number) });
    await card.insert('normal-adult');
    await screen('method-choice', 15_000);
    await card.remove();
    await screen('standby', 10_000);
  });
});
