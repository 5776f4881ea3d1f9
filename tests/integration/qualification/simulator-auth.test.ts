/**
 * PIN mode, face / 目視 mode and 利用登録 against the simulator: what it accepts and what it refuses,
 * seen through the kiosk's gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { confirmed, startHarness, type Harness } from './sim-harness.js';
import { createTestDevice, createTestPki } from './test-pki.js';
import { DeviceAttester } from '../../../src/main/qualification/device-attester.js';
import { QUALIFICATION_ERRORS } from '../../../src/main/qualification/error-codes.js';

const DAY = 86_400_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const card = () => h.cards.get('valid-employee-30')!;

describe('PIN mode (card signature over a service nonce)', () => {
  it('refuses a signature made by another key', async () => {
    const gateway = h.gateway();
    const forged = await h.pki.issueCard({ signWithOtherKey: true });
    const request = await h.pinRequest(gateway, card());
    const nonce = request.auth.kind === 'card-signature' ? request.auth.nonce : '';
    const outcome = await gateway.confirm({ ...request, auth: { kind: 'card-signature', nonce, signature: await forged.sign(nonce) } });
    expect(outcome).toMatchObject({ kind: 'rejected', reason: 'bad-signature', code: QUALIFICATION_ERRORS.REQUEST_REJECTED });
  });

  it('refuses a nonce used twice or never issued', async () => {
    const gateway = h.gateway();
    const request = await h.pinRequest(gateway, card());
    confirmed(await gateway.confirm(request));
    expect(await gateway.confirm({ ...request, requestId: randomUUID() })).toMatchObject({ kind: 'rejected', reason: 'nonce-invalid' });
  });

  it('answers a repeated requestId with the same result (a retry after a lost answer)', async () => {
    const gateway = h.gateway();
    const request = await h.pinRequest(gateway, card());
    const first = confirmed(await gateway.confirm(request));
    const again = confirmed(await gateway.confirm(request));
    expect(again).toEqual(first);
  });

  it('refuses a certificate from a CA it does not trust', async () => {
    const stranger = await (await createTestPki('Rogue CA')).issueCard();
    const gateway = h.gateway();
    expect(await gateway.confirm(await h.pinRequest(gateway, stranger))).toMatchObject({ kind: 'rejected', reason: 'certificate-untrusted' });
  });

  it('refuses a revoked certificate once the CA publishes a CRL, and serves that CRL', async () => {
    const revoked = await h.pki.issueCard();
    const crl = await h.pki.crl([revoked]);
    await fetch(new URL('admin/crls', h.sim.url), { method: 'POST', body: JSON.stringify({ pem: crl }) });
    const gateway = h.gateway();
    const outcome = await gateway.confirm(await h.pinRequest(gateway, revoked));
    expect(outcome).toMatchObject({ kind: 'rejected', reason: 'certificate-revoked', code: QUALIFICATION_ERRORS.CERTIFICATE_NOT_USABLE });
    const served = (await (await fetch(new URL('v1/crls', h.sim.url))).json()) as { crls: string[] };
    expect(served.crls).toContain(crl);
  });

  it('refuses a CRL not signed by a configured CA', async () => {
    const rogue = await createTestPki('Rogue CA');
    const res = await fetch(new URL('admin/crls', h.sim.url), { method: 'POST', body: JSON.stringify({ pem: await rogue.crl([]) }) });
    expect(res.status).toBe(400);
  });

  it('refuses a certificate expired beyond the grace period', async () => {
    const old = await h.pki.issueCard({ notBefore: new Date(Date.now() - 2000 * DAY), notAfter: new Date(Date.now() - 200 * DAY) });
    const gateway = h.gateway();
    expect(await gateway.confirm(await h.pinRequest(gateway, old))).toMatchObject({ kind: 'rejected', reason: 'certificate-expired' });
  });

  it('in the grace period gives qualification only, and refuses a consent sent with it', async () => {
    const expired = await h.pki.issueCard({ notBefore: new Date(Date.now() - 1800 * DAY), notAfter: new Date(Date.now() - 10 * DAY) });
    // The card must be registered to be found: use the register endpoint (利用登録).
    const gateway = h.gateway();
    const nonce = (await gateway.issueNonce()) as { nonce: { nonce: string } };
    const reg = await fetch(new URL('v1/registrations', h.sim.url), {
      method: 'POST',
      body: JSON.stringify({ certificate: expired.base64, nonce: nonce.nonce.nonce, signature: await expired.sign(nonce.nonce.nonce), personId: 'valid-employee-30' }),
    });
    expect(reg.status).toBe(201);
    expect(await gateway.confirm(await h.pinRequest(gateway, expired))).toMatchObject({ kind: 'rejected', reason: 'bad-request' });
    const r = confirmed(await gateway.confirm(await h.pinRequest(gateway, expired, { consent: null })));
    expect(r.validity).toBe(1);
    expect(r.notice).toContain('資格情報のみ');
  });

  it('warns in the 3 months before the certificate expires', async () => {
    const soon = await h.pki.issueCard({ notAfter: new Date(Date.now() + 30 * DAY) });
    const gateway = h.gateway();
    const nonce = (await gateway.issueNonce()) as { nonce: { nonce: string } };
    await fetch(new URL('v1/registrations', h.sim.url), {
      method: 'POST',
      body: JSON.stringify({ certificate: soon.base64, nonce: nonce.nonce.nonce, signature: await soon.sign(nonce.nonce.nonce), personId: 'valid-child-20' }),
    });
    const r = confirmed(await gateway.confirm(await h.pinRequest(gateway, soon)));
    expect(r.notice).toContain('3か月以内');
  });
});

describe('利用登録 (registration links a certificate to a person)', () => {
  it('an unregistered card is refused as not registered, then found after registration', async () => {
    const fresh = await h.pki.issueCard();
    const gateway = h.gateway();
    expect(await gateway.confirm(await h.pinRequest(gateway, fresh))).toMatchObject({ kind: 'rejected', reason: 'not-registered', code: QUALIFICATION_ERRORS.NOT_REGISTERED });
    const nonce = (await gateway.issueNonce()) as { nonce: { nonce: string } };
    const forgedReg = await fetch(new URL('v1/registrations', h.sim.url), {
      method: 'POST',
      body: JSON.stringify({ certificate: fresh.base64, nonce: nonce.nonce.nonce, signature: 'AAAA', personId: 'latter-elderly-10' }),
    });
    expect(forgedReg.status).toBe(401);
    const nonce2 = (await gateway.issueNonce()) as { nonce: { nonce: string } };
    const reg = await fetch(new URL('v1/registrations', h.sim.url), {
      method: 'POST',
      body: JSON.stringify({ certificate: fresh.base64, nonce: nonce2.nonce.nonce, signature: await fresh.sign(nonce2.nonce.nonce), personId: 'latter-elderly-10' }),
    });
    expect(reg.status).toBe(201);
    const r = confirmed(await gateway.confirm(await h.pinRequest(gateway, fresh)));
    expect(r.qualification?.insurerNumber).toBe('39011019');
  });
});

describe('face / 目視 mode (device attestation)', () => {
  it('accepts the registered kiosk device attesting a face check', async () => {
    const gateway = h.gateway();
    const r = confirmed(await gateway.confirm(await h.faceRequest(gateway, card())));
    expect(r.validity).toBe(1);
  });

  it('refuses a device that is not registered with the service', async () => {
    const gateway = h.gateway();
    const other = await createTestDevice('kiosk-unknown');
    const request = await h.faceRequest(gateway, card());
    const auth = request.auth.kind === 'device-attestation' ? request.auth : null;
    const attested = await new DeviceAttester(other.deviceId, other.privateKey).attest(request.requestId, card().der, 'visual', auth!.nonce, Date.now());
    expect(await gateway.confirm({ ...request, auth: attested })).toMatchObject({ kind: 'rejected', reason: 'unknown-device' });
  });

  it('refuses an attestation that does not cover the request (tampered card certificate)', async () => {
    const gateway = h.gateway();
    const request = await h.faceRequest(gateway, card());
    const other = h.cards.get('valid-child-20')!;
    expect(await gateway.confirm({ ...request, certificate: other.base64 })).toMatchObject({ kind: 'rejected', reason: 'bad-signature' });
  });

  it('accepts a deferred confirmation (no nonce, after an outage) and refuses one that is too old', async () => {
    const gateway = h.gateway();
    const requestId = randomUUID();
    const base = { requestId, medicalInstitutionCode: '1312345678', certificate: card().base64, consent: null, prescription: null };
    const recent = await h.attester.attest(requestId, card().der, 'pin', null, Date.now() - 3_600_000);
    expect(confirmed(await gateway.confirm({ ...base, auth: recent })).validity).toBe(1);
    const oldId = randomUUID();
    const old = await h.attester.attest(oldId, card().der, 'pin', null, Date.now() - 60 * DAY);
    expect(await gateway.confirm({ ...base, requestId: oldId, auth: old })).toMatchObject({ kind: 'rejected', reason: 'bad-request' });
  });
});

describe('bad input to the simulator', () => {
  it('answers non-JSON and wrongly shaped bodies with a typed 400, and keeps serving', async () => {
    const junk = await fetch(new URL('v1/qualifications', h.sim.url), { method: 'POST', body: '\u0000\u00ff{{' });
    expect(junk.status).toBe(400);
    expect(((await junk.json()) as { error: { reason: string } }).error.reason).toBe('bad-request');
    const shaped = await fetch(new URL('v1/qualifications', h.sim.url), { method: 'POST', body: JSON.stringify({ requestId: 1 }) });
    expect(shaped.status).toBe(400);
    const notDer = h.gateway();
    const request = await h.pinRequest(notDer, card());
    expect(await notDer.confirm({ ...request, certificate: 'AAAA' })).toMatchObject({ kind: 'rejected', reason: 'bad-request' });
  });
});
