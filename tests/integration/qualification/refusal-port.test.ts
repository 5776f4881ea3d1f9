/**
 * A refusal by the qualification service reaches the session as 'rejected' with the code that names
 * the staff remedy, not as "no qualification": the kiosk's qualification port, ConfirmationService
 * and HTTP gateway against the real simulator (revoked certificate, unregistered card, a kiosk
 * whose device key the service does not know).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './sim-harness.js';
import { createTestDevice, type TestCard } from './test-pki.js';
import { openKioskStore, type KioskStore } from '../../../src/main/store/kiosk-store.js';
import { ReceiptWriter } from '../../../src/main/qualification/receipt-writer.js';
import { ConfirmationService } from '../../../src/main/qualification/confirmation-service.js';
import { DeviceAttester } from '../../../src/main/qualification/device-attester.js';
import { QUALIFICATION_ERRORS } from '../../../src/main/qualification/error-codes.js';
import { ASSUME_REGISTERED, createQualificationLink, type QualificationLink } from '../../../src/main/core/qualification-port.js';
import type { InsertedCard } from '../../../src/main/core/card-port.js';
import type { CardSession } from '../../../src/main/card/card-session.js';
import { createLogger } from '../../../src/main/core/logger.js';
import type { QualificationPort } from '../../../src/main/core/effect-runner.js';

let h: Harness;
let dir: string;
let store: KioskStore;
let onReader: InsertedCard | undefined;
const logLines: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'refusal-port-'));
  store = openKioskStore(join(dir, 'kiosk.sqlite'));
  store.settings.set('medicalInstitutionCode', '1312345678');
});
afterAll(async () => {
  store.close();
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The port as compose.ts builds it, with the given device key attesting face checks. */
function link(attester: DeviceAttester = h.attester): QualificationLink {
  const gateway = h.gateway();
  const confirmations = new ConfirmationService({ store, gateway, attester, receipts: new ReceiptWriter(join(dir, 'receipts')) });
  const log = createLogger({ level: 'warn', destination: { write: (line: string) => void logLines.push(line) } });
  return createQualificationLink({
    confirmations,
    gateway,
    serviceUrl: h.sim.url,
    timeoutMs: 2_000,
    directory: ASSUME_REGISTERED,
    consents: store.consents,
    currentCard: () => onReader,
    now: () => new Date(),
    log,
  });
}

/** The card on the reader; after a correct PIN it signs the service nonce (all the port asks of it). */
function place(card: TestCard): void {
  const session = {
    signNonce: async (nonce: Uint8Array) => Buffer.from(await card.sign(Buffer.from(nonce).toString('base64')), 'base64'),
  } as unknown as CardSession;
  const notAfter = new Date(Date.now() + 365 * 86_400_000);
  onReader = {
    session,
    certificate: { serialNumber: card.serial, notBefore: new Date(0), notAfter, issuer: '', subject: '', der: card.der },
    subjectKey: card.sha256,
  };
}

type Query = Parameters<QualificationPort['request']>[0];

const query = (method: Query['method']): Query => ({
  method,
  consent: { kind: 'given', items: { surgery: true, medication: true, checkup: true } },
  ePrescription: null,
});
const receipts = () => readdirSync(join(dir, 'receipts')).length;

describe('service refusals through the qualification port', () => {
  it('a registered card confirms as valid (the setup works), with one レセコン file', async () => {
    const card = h.cards.get([...h.cards.keys()][0] ?? '');
    if (!card) throw new Error('no seed card');
    place(card);
    expect(await link().port.request(query('face'))).toMatchObject({ outcome: 'valid' });
    expect(receipts()).toBe(1);
  });

  it('a revoked certificate is rejected with E-OQS-003 (renewal, 資格確認書), no file written', async () => {
    const card = await h.pki.issueCard();
    await h.sim.service.cas.addCrl(await h.pki.crl([card]));
    place(card);
    expect(await link().port.request(query('face'))).toEqual({ outcome: 'rejected', code: QUALIFICATION_ERRORS.CERTIFICATE_NOT_USABLE, certificateNotAfter: null });
    expect(receipts()).toBe(1);
    expect(store.audit.entries().at(-1)).toMatchObject({ kind: 'qualification.rejected' });
    expect(logLines.some((l) => l.includes('"code":"E-OQS-003"'))).toBe(true);
  });

  it('a certificate expired beyond its grace period is rejected with E-OQS-003 and the notAfter the service names', async () => {
    const notAfter = new Date(Date.UTC(2024, 0, 31, 14, 59, 59));
    const card = await h.pki.issueCard({ notBefore: new Date(Date.UTC(2019, 0, 1)), notAfter });
    const gateway = h.gateway();
    expect(await gateway.confirm(await h.faceRequest(gateway, card))).toMatchObject({
      kind: 'rejected',
      reason: 'certificate-expired',
      certificateNotAfterMs: notAfter.getTime(),
    });
    place(card);
    expect(await link().port.request(query('face'))).toEqual({ outcome: 'rejected', code: QUALIFICATION_ERRORS.CERTIFICATE_NOT_USABLE, certificateNotAfter: notAfter });
  });

  it('a card never registered for insurance use, proven by PIN, is rejected with E-OQS-004 (利用登録)', async () => {
    place(await h.pki.issueCard());
    expect(await link().port.request(query('pin'))).toEqual({ outcome: 'rejected', code: QUALIFICATION_ERRORS.NOT_REGISTERED, certificateNotAfter: null });
  });

  it('a kiosk whose device key the service does not know is rejected with E-OQS-005 (call IT; PIN still works)', async () => {
    const card = h.cards.get([...h.cards.keys()][0] ?? '');
    if (!card) throw new Error('no seed card');
    place(card);
    const stranger = await createTestDevice('kiosk-not-registered');
    const unknownKiosk = link(new DeviceAttester(stranger.deviceId, stranger.privateKey));
    expect(await unknownKiosk.port.request(query('face'))).toMatchObject({ outcome: 'rejected', code: QUALIFICATION_ERRORS.DEVICE_NOT_REGISTERED });
    expect(await unknownKiosk.port.request(query('pin'))).toMatchObject({ outcome: 'valid' });
  });
});
