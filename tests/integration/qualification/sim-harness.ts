/**
 * Starts the qualification simulator in-process on 127.0.0.1:0 with the seed registry, a fresh
 * test PKI, one registered kiosk device and one card certificate registered (利用登録) per person,
 * and builds signed requests the way the kiosk does.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSimulator, type RunningSimulator } from '../../../sim/oqs/server.js';
import type { SimulatorConfig } from '../../../sim/oqs/config.js';
import { registrySeedSchema, type RegistrySeed } from '../../../sim/oqs/registry.js';
import { HttpQualificationGateway } from '../../../src/main/qualification/http-gateway.js';
import { DeviceAttester } from '../../../src/main/qualification/device-attester.js';
import type { QualificationRequest } from '../../../src/main/qualification/protocol.js';
import type { ConfirmOutcome, QualificationGateway } from '../../../src/main/qualification/gateway.js';
import { createTestDevice, createTestPki, type TestCard, type TestPki } from './test-pki.js';

export const SEED: RegistrySeed = registrySeedSchema.parse(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../sim/oqs/registry.seed.json', import.meta.url)), 'utf8')),
);

export const MEDICAL_INSTITUTION_CODE = '1312345678';

export interface Harness {
  readonly sim: RunningSimulator;
  /** The configuration the simulator was started with, to start it again after a stop. */
  readonly config: SimulatorConfig;
  readonly pki: TestPki;
  /** One registered card per seed person; the two duplicate people share one card. */
  readonly cards: ReadonlyMap<string, TestCard>;
  readonly attester: DeviceAttester;
  gateway(options?: { timeoutMs?: number; maxAttempts?: number }): HttpQualificationGateway;
  /** PIN mode: fetch a nonce, let the card sign it, build the request. */
  pinRequest(gateway: QualificationGateway, card: TestCard, extra?: Partial<QualificationRequest>): Promise<QualificationRequest>;
  /** Face / 目視 mode: the kiosk's device key attests over a fresh nonce. */
  faceRequest(gateway: QualificationGateway, card: TestCard, extra?: Partial<QualificationRequest>): Promise<QualificationRequest>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const pki = await createTestPki();
  const device = await createTestDevice();
  const cards = new Map<string, TestCard>();
  const registrations: { certificateSha256: string; personId: string }[] = [];
  const shared = await pki.issueCard();
  for (const person of SEED.people) {
    const card = person.id.startsWith('duplicate-') ? shared : await pki.issueCard();
    cards.set(person.id, card);
    registrations.push({ certificateSha256: card.sha256, personId: person.id });
  }
  const config: SimulatorConfig = {
    registry: SEED,
    caCertificatesPem: [pki.caPem],
    registrations,
    devices: [{ deviceId: device.deviceId, publicKeySpki: device.publicKeySpki }],
  };
  const sim = await startSimulator(config);
  const attester = new DeviceAttester(device.deviceId, device.privateKey);

  const nonceOf = async (gateway: QualificationGateway): Promise<string> => {
    const outcome = await gateway.issueNonce();
    if (outcome.kind !== 'nonce') throw new Error(`no nonce: ${outcome.detail}`);
    return outcome.nonce.nonce;
  };
  const base = (card: TestCard) => ({
    requestId: randomUUID(),
    medicalInstitutionCode: MEDICAL_INSTITUTION_CODE,
    certificate: card.base64,
    consent: { items: ['medication' as const, 'checkup' as const], givenAtMs: Date.now() },
    prescription: 'electronic' as const,
  });

  return {
    sim,
    config,
    pki,
    cards,
    attester,
    gateway: (options = {}) =>
      new HttpQualificationGateway({
        baseUrl: sim.url,
        timeoutMs: options.timeoutMs ?? 2_000,
        backoff: { maxAttempts: options.maxAttempts ?? 3, initialDelayMs: 10, maxDelayMs: 40 },
      }),
    async pinRequest(gateway, card, extra = {}) {
      const nonce = await nonceOf(gateway);
      return { ...base(card), auth: { kind: 'card-signature', nonce, signature: await card.sign(nonce) }, ...extra };
    },
    async faceRequest(gateway, card, extra = {}) {
      const nonce = await nonceOf(gateway);
      const request = { ...base(card), ...extra };
      return { ...request, auth: await attester.attest(request.requestId, card.der, 'face', nonce, Date.now()) };
    },
    close: () => sim.close(),
  };
}

export function confirmed(outcome: ConfirmOutcome) {
  if (outcome.kind !== 'confirmed') throw new Error(`expected a confirmed answer, got ${JSON.stringify(outcome)}`);
  return outcome.response;
}
