/**
 * The browser host faces anything on this machine that can open a socket. A client without the
 * launch token, from a foreign origin, or sending garbage must be refused with a typed error
 * while the real kiosk keeps serving its own renderer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { serverMessageSchema, type ServerMessage } from '../../../src/shared/channels.js';
import { ERROR_CODES } from '../../../src/shared/errors.js';
import { startKiosk, type RunningKiosk } from '../../../src/main/core/compose.js';
import { createLogger } from '../../../src/main/core/logger.js';
import { startHttpHost, type RunningHost } from '../../../src/main/host/http-host.js';
import { MAX_INVALID_FRAMES } from '../../../src/main/host/socket-server.js';

let dataDir: string;
let kiosk: RunningKiosk;
let host: RunningHost;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-host-'));
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  const log = createLogger({ level: 'silent' });
  kiosk = await startKiosk({ dataDir, port: 0, open: 'none', demo: false }, log);
  host = await startHttpHost({ core: kiosk.core, rendererDir, log });
});

afterAll(async () => {
  await host.close();
  await kiosk.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function socketUrl(token: string | null) {
  return `ws://127.0.0.1:${host.port}/ws${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(0));
  });
}

/** An authorised client that collects every server message. */
async function connect() {
  const ws = new WebSocket(socketUrl(host.token), { headers: { Origin: `http://127.0.0.1:${host.port}` } });
  const messages: ServerMessage[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    messages.push(serverMessageSchema.parse(JSON.parse(data.toString())));
    waiters.splice(0).forEach((wake) => wake());
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const next = async (predicate: (m: ServerMessage) => boolean): Promise<ServerMessage> => {
    for (;;) {
      const found = messages.find(predicate);
      if (found) {
        messages.splice(messages.indexOf(found), 1);
        return found;
      }
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  return { ws, next };
}

describe('browser host socket gate', () => {
  it('refuses a client without the token, with a wrong token, or from a foreign origin', async () => {
    expect(await upgradeStatus(socketUrl(null))).toBe(401);
    expect(await upgradeStatus(socketUrl('not-the-token'))).toBe(401);
    expect(await upgradeStatus(socketUrl(host.token), { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(socketUrl(host.token), { Host: `evil.example:${host.port}` })).toBe(403);
  });

  it('answers malformed frames with a typed rejection and keeps serving the same client', async () => {
    const { ws, next } = await connect();
    await next((m) => m.type === 'snapshot');

    ws.send('{not json');
    const rejected = await next((m) => m.type === 'rejected');
    expect(rejected).toMatchObject({ type: 'rejected', error: { code: ERROR_CODES.IPC_INVALID_MESSAGE } });

    ws.send(JSON.stringify({ type: 'intent', id: 7, intent: { type: 'set-language', language: 'klingon' } }));
    expect(await next((m) => m.type === 'reply')).toEqual({
      type: 'reply',
      id: 7,
      reply: { ok: false, error: { code: ERROR_CODES.IPC_INVALID_MESSAGE, message: expect.any(String) } },
    });

    ws.send(JSON.stringify({ type: 'intent', id: 8, intent: { type: 'set-language', language: 'en' } }));
    expect(await next((m) => m.type === 'reply')).toEqual({ type: 'reply', id: 8, reply: { ok: true } });
    const snapshot = await next((m) => m.type === 'snapshot' && m.snapshot.language === 'en');
    expect(snapshot).toMatchObject({ snapshot: { screen: 'standby', language: 'en' } });
    ws.close();
  });

  it('closes a client that keeps sending garbage, and still serves new ones', async () => {
    const { ws } = await connect();
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    for (let i = 0; i < MAX_INVALID_FRAMES; i += 1) ws.send(Buffer.from([0xff, 0x00, i & 0xff]));
    expect(await closed).toBe(1008);

    const fresh = await connect();
    const first = await fresh.next((m) => m.type === 'snapshot');
    expect(first).toMatchObject({ type: 'snapshot' });
    fresh.ws.close();
  });

  it('serves the renderer only to its own host name and never outside the root', async () => {
    const page = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const traversal = await fetch(`http://127.0.0.1:${host.port}/..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBe(404);
  });
});
