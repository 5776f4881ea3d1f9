/**
 * The composed kiosk in demo mode, end to end: the real session, SQLite and レセコン writer, the
 * real reader monitor over pcsclite → pcscd → vpcd, the virtual card and the qualification-service
 * simulator in the demo's child process. Personas go in through the card's control endpoint (as
 * `npm run sim:card -- insert` does) and the patient's taps go through core.handleIntent.
 * Runs only where pcscd + vpcd can be had; outside CI that is skipped with the reason, in CI it fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { RunningKiosk } from '../../../src/main/core/compose.js';
import type { SessionSnapshot } from '../../../src/shared/snapshot.js';
import { loadPersona } from '../../../sim/card/persona.js';
import { DEMO_KIOSK_START_TIMEOUT_MS, startDemoKiosk, type DemoKiosk } from '../support/demo-kiosk-driver.js';
import { requirePcscdOutsideCiSkip } from '../support/pcscd.js';
import { insertCard, removeCard } from './virtual-card-control.js';

const ready = await requirePcscdOutsideCiSkip();

describe.skipIf(!ready)('demo kiosk through pcscd + vpcd with the service simulator', () => {
  let demo: DemoKiosk;
  let kiosk: RunningKiosk;
  let dataDir: string;
  /** The simulator's address, as the kiosk logs it for operators. */
  let serviceUrl = '';

  beforeAll(async () => {
    // The demo's virtual card sits on vpcd slot 0, as in the e2e runs: one at a time per machine.
    demo = await startDemoKiosk('kiosk-demo-');
    ({ kiosk, dataDir } = demo);
    serviceUrl = /"serviceUrl":"([^"]+)"/.exec(demo.logText())?.[1] ?? '';
  }, DEMO_KIOSK_START_TIMEOUT_MS);

  afterAll(() => demo?.close());

  /** Resolves with the first snapshot (current or coming) on `screen`. */
  const screen = <S extends SessionSnapshot['screen']>(name: S, ms = 15_000) => demo.screen(name, ms);
  const tap = (intent: unknown) => demo.tap(intent);

  function typePin(pin: string): void {
    for (const digit of pin) tap({ type: 'pin-digit', digit: Number(digit) });
    tap({ type: 'pin-submit' });
  }

  const receipts = () => readdirSync(join(dataDir, 'receipts')).filter((f) => f.endsWith('.xml'));

  async function takeCard(): Promise<void> {
    await removeCard();
    await screen('standby');
  }

  it('normal adult with the correct PIN and consent to all: 有効 for staff and one レセコン file', async () => {
    await insertCard('normal-adult');
    await screen('method-choice');
    tap({ type: 'choose-method', method: 'pin' });
    expect(await screen('pin-entry')).toMatchObject({ triesLeft: 3, purpose: 'confirmation' });
    typePin(loadPersona('normal-adult').secrets.userAuthPin ?? '');
    await screen('consent-choice');
    tap({ type: 'consent-all' });
    const done = await screen('done', 25_000);
    expect(done.ending).toBe('completed');
    expect(done.result).toMatchObject({ outcome: 'valid', method: 'pin', consentSent: true, insurance: { insurerNumber: '01130012', sharePercent: 30 } });
    const files = receipts();
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dataDir, 'receipts', files[0] ?? '')).toString('latin1')).toContain('<InsurerNumber>01130012</InsurerNumber>');
    await takeCard();
  }, 40_000);

  it('a wrong PIN shows the tries the card has left, having spent exactly one', async () => {
    await insertCard('normal-adult');
    await screen('method-choice');
    tap({ type: 'choose-method', method: 'pin' });
    await screen('pin-entry');
    typePin('0000');
    await screen('working');
    const again = await screen('pin-entry');
    expect(again).toMatchObject({ wrongLastTime: true, triesLeft: 2, digitsEntered: 0 });
    await takeCard();
  }, 30_000);

  it('an unregistered card goes to 利用登録, registers with the PIN and then gets its result', async () => {
    await insertCard('unregistered');
    await screen('registration-terms');
    tap({ type: 'agree-terms' });
    await screen('method-choice');
    tap({ type: 'choose-method', method: 'pin' });
    expect(await screen('pin-entry')).toMatchObject({ purpose: 'registration' });
    typePin(loadPersona('unregistered').secrets.userAuthPin ?? '');
    await screen('registration-complete', 20_000);
    tap({ type: 'continue' });
    await screen('consent-choice');
    tap({ type: 'consent-all' });
    expect((await screen('done', 25_000)).result).toMatchObject({ outcome: 'valid' });
    await takeCard();
  }, 50_000);

  it('a certificate past its grace period makes the card unusable, with its dates', async () => {
    await insertCard('cert-expired');
    const unusable = await screen('card-unusable');
    expect(unusable.reason).toBe('certificate-expired');
    expect(unusable.certificate?.notAfter).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await takeCard();
  }, 30_000);

  it('pulling the card in the middle of the PIN returns to standby', async () => {
    await insertCard('normal-adult');
    await screen('method-choice');
    tap({ type: 'choose-method', method: 'pin' });
    await screen('pin-entry');
    tap({ type: 'pin-digit', digit: 1 });
    tap({ type: 'pin-digit', digit: 2 });
    await takeCard();
    expect(receipts()).toHaveLength(2);
  }, 30_000);

  it('a second visit within 24 hours is not asked for consent again: the consent on file goes with the request', async () => {
    const seen: string[] = [];
    const unsubscribe = kiosk.core.subscribe((s) => seen.push(s.screen));
    await insertCard('normal-adult');
    await screen('method-choice');
    tap({ type: 'choose-method', method: 'pin' });
    await screen('pin-entry');
    typePin(loadPersona('normal-adult').secrets.userAuthPin ?? '');
    const done = await screen('done', 25_000);
    unsubscribe();
    expect(seen).not.toContain('consent-choice');
    expect(done.result).toMatchObject({ outcome: 'valid', consentSent: false });
    expect(receipts()).toHaveLength(3);
    await takeCard();
  }, 40_000);

  it('with the service down, reception ends with "confirm later" and the request waits in the durable queue', async () => {
    const faults = await fetch(new URL('admin/faults', serviceUrl), { method: 'PUT', body: JSON.stringify({ failure: 'http-503' }) });
    expect(faults.ok).toBe(true);
    try {
      await insertCard('normal-adult');
      await screen('method-choice');
      tap({ type: 'choose-method', method: 'pin' });
      await screen('pin-entry');
      typePin(loadPersona('normal-adult').secrets.userAuthPin ?? '');
      const done = await screen('done', 25_000);
      expect(done.result).toMatchObject({ outcome: 'unreachable', nextStep: 'confirm-later' });
      expect(receipts()).toHaveLength(3);
      const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
      try {
        expect(db.prepare("SELECT count(*) AS n FROM pending_queue WHERE status = 'pending'").get()).toEqual({ n: 1 });
      } finally {
        db.close();
      }
      await takeCard();
    } finally {
      await fetch(new URL('admin/faults', serviceUrl), { method: 'PUT', body: JSON.stringify({ failure: 'none' }) });
    }
  }, 40_000);
});
