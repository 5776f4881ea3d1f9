/**
 * Every injected fault, seen through the kiosk's gateway: a short fault is ridden out by the
 * retries, a lasting one ends as a typed "unreachable" (which the kiosk queues), never a crash.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { confirmed, startHarness, type Harness } from './sim-harness.js';
import { QUALIFICATION_ERRORS } from '../../../src/main/qualification/error-codes.js';
import type { FaultConfig } from '../../../sim/oqs/faults.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => void h.sim.faults.set({}));
afterAll(async () => h.close());

const card = () => h.cards.get('valid-employee-30')!;
const FAILURES: FaultConfig['failure'][] = ['timeout', 'http-500', 'http-503', 'malformed', 'drop'];

async function setFaults(config: Partial<FaultConfig>) {
  const res = await fetch(new URL('admin/faults', h.sim.url), { method: 'PUT', body: JSON.stringify(config) });
  expect(res.status).toBe(200);
}

describe('fault injection through the admin endpoint', () => {
  for (const failure of FAILURES) {
    it(`${failure}: one failed attempt is retried and the patient is confirmed`, async () => {
      // Generous per-attempt timeout: the retry must succeed even on a loaded CI machine.
      const gateway = h.gateway({ timeoutMs: 1_500, maxAttempts: 3 });
      const request = await h.pinRequest(gateway, card());
      await setFaults({ failure, count: 1 });
      expect(confirmed(await gateway.confirm(request)).validity).toBe(1);
    });

    it(`${failure}: a lasting fault ends as "unreachable" with the staff code`, async () => {
      const gateway = h.gateway({ timeoutMs: 300, maxAttempts: 2 });
      const request = await h.pinRequest(gateway, card());
      await setFaults({ failure });
      const outcome = await gateway.confirm(request);
      expect(outcome).toMatchObject({ kind: 'unreachable', code: QUALIFICATION_ERRORS.SERVICE_UNREACHABLE, attempts: 2 });
    });
  }

  it('latency below the timeout only slows the answer', async () => {
    const gateway = h.gateway({ timeoutMs: 1_000, maxAttempts: 1 });
    const request = await h.pinRequest(gateway, card());
    await setFaults({ latencyMs: 150 });
    expect(confirmed(await gateway.confirm(request)).validity).toBe(1);
  });

  it('latency above the timeout is a timeout', async () => {
    const gateway = h.gateway({ timeoutMs: 100, maxAttempts: 1 });
    const request = await h.pinRequest(gateway, card());
    await setFaults({ latencyMs: 400 });
    const outcome = await gateway.confirm(request);
    expect(outcome).toMatchObject({ kind: 'unreachable' });
    expect(outcome.kind === 'unreachable' && outcome.detail).toContain('timeout');
  });

  it('a nonce request during an outage is "unreachable" too', async () => {
    await setFaults({ failure: 'http-503' });
    expect(await h.gateway({ maxAttempts: 2 }).issueNonce()).toMatchObject({ kind: 'unreachable' });
  });

  it('a service that is not listening at all is "unreachable"', async () => {
    const { HttpQualificationGateway } = await import('../../../src/main/qualification/http-gateway.js');
    const dead = new HttpQualificationGateway({ baseUrl: 'http://127.0.0.1:9/', timeoutMs: 300, backoff: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1 } });
    expect(await dead.issueNonce()).toMatchObject({ kind: 'unreachable', attempts: 2 });
  });

  it('faults can also be set by configuration at start', async () => {
    const { startSimulator } = await import('../../../sim/oqs/server.js');
    const sim = await startSimulator({ registry: { people: [] }, caCertificatesPem: [], faults: { failure: 'http-500' } });
    try {
      const res = await fetch(new URL('v1/nonces', sim.url), { method: 'POST' });
      expect(res.status).toBe(500);
      expect((await fetch(new URL('health', sim.url))).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
