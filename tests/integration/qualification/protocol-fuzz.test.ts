/**
 * Property tests on both ends of the wire: whatever bytes a broken relay answers, the gateway
 * returns a typed outcome (never throws); whatever a client sends, the simulator answers with a
 * typed error (never a crash, never a 5xx).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { HttpQualificationGateway } from '../../../src/main/qualification/http-gateway.js';
import { startHarness, type Harness } from './sim-harness.js';

let h: Harness;
let relay: Server;
let reply: { status: number; body: Buffer } = { status: 200, body: Buffer.alloc(0) };
let relayUrl = '';

beforeAll(async () => {
  h = await startHarness();
  relay = createServer((_req, res) => {
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(reply.body);
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((r) => relay.close(r));
  await h.close();
});

const almostValidAnswer = fc.record({
  requestId: fc.string(),
  processedAtMs: fc.oneof(fc.integer(), fc.string()),
  validity: fc.integer({ min: -1, max: 8 }),
  qualification: fc.constantFrom(null, {}, { insurerNumber: '123' }),
  matchCount: fc.integer({ min: -2, max: 3 }),
  notice: fc.option(fc.string()),
});

describe('gateway against arbitrary answers', () => {
  it('always resolves to confirmed, rejected or unreachable', async () => {
    const gateway = new HttpQualificationGateway({ baseUrl: relayUrl, timeoutMs: 1_000, backoff: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 } });
    const request = await h.pinRequest(h.gateway(), h.cards.get('valid-employee-30')!);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(200, 400, 401, 404, 409, 418, 500, 503),
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
          almostValidAnswer.map((a) => Buffer.from(JSON.stringify(a))),
          fc.record({ error: fc.record({ reason: fc.constantFrom('bad-request', 'nope', 'not-registered'), message: fc.string() }) }).map((e) => Buffer.from(JSON.stringify(e))),
        ),
        async (status, body) => {
          reply = { status, body };
          const outcome = await gateway.confirm(request);
          expect(['confirmed', 'rejected', 'unreachable']).toContain(outcome.kind);
          // Nothing that fails the protocol schema may pass as a confirmed answer.
          if (outcome.kind === 'confirmed') expect(outcome.response.validity).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('simulator against arbitrary requests', () => {
  it('answers every malformed request with a typed 4xx', async () => {
    const url = new URL('v1/qualifications', h.sim.url);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          fc.json().map((j) => Buffer.from(j)),
          fc
            .record({ requestId: fc.string({ minLength: 8 }), medicalInstitutionCode: fc.constant('1312345678'), certificate: fc.base64String(), auth: fc.constant({ kind: 'card-signature', nonce: 'AAAA', signature: 'AAAA' }), consent: fc.constant(null), prescription: fc.constant(null) })
            .map((r) => Buffer.from(JSON.stringify(r))),
        ),
        async (body) => {
          const res = await fetch(url, { method: 'POST', body });
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          const json = (await res.json()) as { error: { reason: string } };
          expect(typeof json.error.reason).toBe('string');
        },
      ),
      { numRuns: 80 },
    );
  });
});
