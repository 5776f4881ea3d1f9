/**
 * HTTP front of the simulated qualification service (node:http). Runs in its own process
 * (sim/oqs/main.ts, `npm run sim:oqs`) or in-process for tests (port 0 on 127.0.0.1).
 * Faults apply to the service endpoints (/v1/…), never to /health or /admin, so a test can
 * always reconfigure a simulator that is "down".
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import {
  qualificationRequestSchema,
  registrationRequestSchema,
  registrationStatusRequestSchema,
  type RejectionReason,
} from '../../src/main/qualification/protocol.js';
import { CertificateRejected } from './certificate-checks.js';
import { FaultInjector, faultSchema } from './faults.js';
import { QualificationService } from './service.js';
import { simulatorConfigSchema, type SimulatorConfig } from './config.js';

const MAX_BODY_BYTES = 256 * 1024;

const STATUS_BY_REASON: Record<RejectionReason, number> = {
  'bad-request': 400,
  'bad-signature': 401,
  'unknown-device': 401,
  'nonce-invalid': 409,
  'certificate-untrusted': 403,
  'certificate-expired': 403,
  'certificate-revoked': 403,
  'not-registered': 404,
};

export interface RunningSimulator {
  /** Base URL ending in "/". */
  readonly url: string;
  readonly port: number;
  readonly service: QualificationService;
  readonly faults: FaultInjector;
  close(): Promise<void>;
}

class BadRequest extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('body is not JSON');
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new BadRequest(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

export async function startSimulator(config: SimulatorConfig, listen: { port?: number; host?: string } = {}): Promise<RunningSimulator> {
  const parsed = simulatorConfigSchema.parse(config);
  const service = await QualificationService.create(parsed);
  const faults = new FaultInjector(parsed.faults);
  const sockets = new Set<Socket>();

  const routes: Record<string, (body: () => Promise<unknown>) => Promise<[number, unknown]>> = {
    'GET /health': async () => [200, { ok: true }],
    'POST /v1/nonces': async () => [200, service.issueNonce()],
    'POST /v1/qualifications': async (body) => [200, await service.confirm(parse(qualificationRequestSchema, await body()))],
    'POST /v1/registrations': async (body) => [201, await service.register(parse(registrationRequestSchema, await body()))],
    'POST /v1/registrations/status': async (body) => [200, service.registrationStatus(parse(registrationStatusRequestSchema, await body()).certificate)],
    'GET /v1/crls': async () => [200, { crls: service.cas.crlPems() }],
    'GET /admin/faults': async () => [200, faults.current()],
    'PUT /admin/faults': async (body) => [200, faults.set(parse(faultSchema.partial(), await body()))],
    'POST /admin/devices': async (body) => {
      await service.devices.register(parse(z.object({ deviceId: z.string(), publicKeySpki: z.string() }), await body()));
      return [201, { ok: true }];
    },
    'POST /admin/crls': async (body) => {
      const { pem } = parse(z.object({ pem: z.string() }), await body());
      await service.cas.addCrl(pem).catch((error: unknown) => {
        throw new BadRequest(error instanceof Error ? error.message : String(error));
      });
      return [201, { ok: true }];
    },
    'GET /admin/stats': async () => [200, { confirmations: service.confirmations }],
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://sim').pathname;
      const route = routes[`${req.method} ${path}`];
      if (path.startsWith('/v1/')) {
        const { latencyMs, failure } = faults.next();
        if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
        if (failure === 'timeout') return; // the socket stays open until the client gives up
        if (failure === 'drop') return void req.socket.destroy();
        if (failure === 'http-500' || failure === 'http-503') return send(res, Number(failure.slice(5)), { error: 'injected fault' });
        if (failure === 'malformed') {
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end('{"requestId":"trunc');
        }
      }
      if (route === undefined) return send(res, 404, { error: { reason: 'bad-request', message: `no route ${req.method} ${path}` } });
      try {
        const [status, body] = await route(() => readJson(req));
        send(res, status, body);
      } catch (error) {
        if (error instanceof CertificateRejected) {
          const { reason, message, certificateNotAfterMs } = error;
          send(res, STATUS_BY_REASON[reason], { error: { reason, message, ...(certificateNotAfterMs === undefined ? {} : { certificateNotAfterMs }) } });
        } else if (error instanceof BadRequest) {
          send(res, 400, { error: { reason: 'bad-request', message: error.message } });
        } else {
          send(res, 500, { error: { reason: 'bad-request', message: error instanceof Error ? error.message : String(error) } });
        }
      }
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, listen.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${listen.host ?? '127.0.0.1'}:${port}/`,
    port,
    service,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging "timeout" requests and keep-alive sockets would hold close() forever.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
