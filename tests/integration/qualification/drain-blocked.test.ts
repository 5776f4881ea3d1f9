/**
 * A queued confirmation whose レセコン file cannot be written stays queued (nothing is marked done
 * without its file), staff get the code, and the next drain finishes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './sim-harness.js';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { ReceiptWriter } from '../../../src/main/qualification/receipt-writer.js';
import { ConfirmationService } from '../../../src/main/qualification/confirmation-service.js';
import { HttpQualificationGateway } from '../../../src/main/qualification/http-gateway.js';
import { QUALIFICATION_ERRORS } from '../../../src/main/qualification/error-codes.js';

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'drain-blocked-'));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('drain when the レセコン folder is unavailable', () => {
  it('keeps the item queued with the staff code, then completes it once the folder is back', async () => {
    const store = openKioskStore(join(dir, 'kiosk.sqlite'));
    const folder = join(dir, 'face');
    const receipts = new ReceiptWriter(folder);
    const backoff = { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 };
    const down = new ConfirmationService({ store, receipts, attester: h.attester, gateway: new HttpQualificationGateway({ baseUrl: 'http://127.0.0.1:9/', timeoutMs: 300, backoff }) });
    const up = new ConfirmationService({ store, receipts, attester: h.attester, gateway: h.gateway() });
    const card = h.cards.get('valid-employee-30')!;
    const queued = await down.confirm({
      requestId: 'blocked-0001',
      certificateDer: card.der,
      method: 'face',
      verifiedAtMs: Date.now(),
      consent: null,
      prescription: null,
      provisional: { nameKana: 'ヤマダ タロウ', declaredRatio: null },
    });
    expect(queued.kind).toBe('queued');

    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'a file where the shared folder should be');
    expect(await up.drain()).toMatchObject({ confirmed: 0, blockedBy: QUALIFICATION_ERRORS.RECEIPT_WRITE_FAILED });
    expect(up.pending()).toHaveLength(1);

    rmSync(folder);
    mkdirSync(folder);
    expect(await up.drain()).toMatchObject({ confirmed: 1, blockedBy: null });
    expect(up.pending()).toHaveLength(0);
    expect(readdirSync(folder)).toHaveLength(1);
    store.close();
  });
});
