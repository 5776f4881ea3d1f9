/**
 * Who may open the kiosk socket. The browser host listens on loopback only, but any local process
 * or web page could still knock: a connection needs the per-launch token (compared in constant
 * time), our own Host (against DNS rebinding) and, when a browser sends one, our own Origin.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SOCKET_PATH = '/ws';

export type GateVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

export function checkSocketRequest(req: IncomingMessage, expected: { token: string; hosts: readonly string[] }): GateVerdict {
  const url = new URL(req.url ?? '/', 'http://placeholder');
  if (url.pathname !== SOCKET_PATH) return { ok: false, status: 404, reason: 'unknown path' };
  const host = req.headers.host ?? '';
  if (!expected.hosts.includes(host)) return { ok: false, status: 403, reason: 'foreign host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !expected.hosts.some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: 'foreign origin' };
  }
  const token = url.searchParams.get('token') ?? '';
  if (!tokensEqual(token, expected.token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
