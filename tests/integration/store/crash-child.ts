/**
 * The "kiosk" the crash test kills: a small process doing what reception does with storage during
 * an outage — queue the request durably, then (service back) confirm it, write the レセコン file
 * and complete the queue item — over and over, with the real store, writer and HTTP gateway.
 * Prints "queued <i>" once session i's request is durable (the moment the screen would say done).
 */
import { readFileSync } from 'node:fs';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { ReceiptWriter } from '../../../src/main/qualification/receipt-writer.js';
import { DeviceAttester } from '../../../src/main/qualification/device-attester.js';
import { HttpQualificationGateway } from '../../../src/main/qualification/http-gateway.js';
import { ConfirmationService } from '../../../src/main/qualification/confirmation-service.js';
import { crashChildConfigSchema, sessionRequestId } from './crash-protocol.js';

async function main(): Promise<void> {
  const cfg = crashChildConfigSchema.parse(JSON.parse(readFileSync(process.argv[2]!, 'utf8')));
  const store = openKioskStore(cfg.db);
  store.settings.set('medicalInstitutionCode', '1312345678');
  const key = await crypto.subtle.importKey('jwk', cfg.deviceJwk as JsonWebKey, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const attester = new DeviceAttester(cfg.deviceId, key);
  const receipts = new ReceiptWriter(cfg.receipts);
  const backoff = { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 };
  // The outage: nothing listens on port 9, so every request is queued.
  const down = new ConfirmationService({ store, receipts, attester, gateway: new HttpQualificationGateway({ baseUrl: 'http://127.0.0.1:9/', timeoutMs: 500, backoff }) });
  const up = new ConfirmationService({ store, receipts, attester, leaseMs: 200, gateway: new HttpQualificationGateway({ baseUrl: cfg.simUrl, timeoutMs: 5_000, backoff }) });
  process.stdout.write('ready\n');
  for (let i = cfg.from; i < cfg.total; i++) {
    const card = cfg.cards[i % cfg.cards.length]!;
    await down.confirm({
      requestId: sessionRequestId(i),
      certificateDer: Buffer.from(card, 'base64'),
      method: i % 3 === 0 ? 'visual' : 'face',
      verifiedAtMs: Date.now(),
      consent: { items: ['medication'], givenAtMs: Date.now() },
      prescription: null,
      provisional: { nameKana: 'テスト カンジャ', declaredRatio: '030' },
    });
    process.stdout.write(`queued ${i}\n`);
    await up.drain();
  }
  // Items claimed by a killed predecessor come back when their lease runs out.
  while (up.pending().length > 0) {
    await up.drain();
    await new Promise((r) => setTimeout(r, 50));
  }
  store.close();
  process.stdout.write('done\n');
}

await main();
