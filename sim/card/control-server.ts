/**
 * A tiny control endpoint so `npm run sim:card -- insert <persona>` can drive the virtual card of
 * a running kiosk: HTTP on 127.0.0.1 only, random port, and a bearer token written to a 0600 file
 * in the OS temp dir (<tmp>/open-kao-kiosk/card-slot-<n>.json). Only someone who can read that
 * file — the same local user — can insert or remove cards.
 *
 * Two tools may serve the same slot (a demo kiosk and a test run): the newest file wins, and a
 * server deletes the file at close only while it is still its own (same pid and token), so one
 * tool closing never strands the other's CLI access. The file is written whole (temp + rename),
 * so a reader never sees half of it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export interface ControlTarget {
  insert(personaId: string): Promise<void>;
  remove(): Promise<void>;
  current(): string | undefined;
}

export interface ControlServer {
  close(): Promise<void>;
}

export const controlFileSchema = z.object({ port: z.number().int(), token: z.string(), pid: z.number().int() });

export function controlFilePath(slot: number): string {
  return join(tmpdir(), 'open-kao-kiosk', `card-slot-${slot}.json`);
}

const insertBody = z.object({ persona: z.string().regex(/^[a-z0-9-]+$/) });

export async function startControlServer(slot: number, target: ControlTarget): Promise<ControlServer> {
  const token = randomBytes(24).toString('hex');
  const server = createServer((req, res) => {
    void handle(req, res, token, target);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const file = controlFilePath(slot);
  mkdirSync(join(tmpdir(), 'open-kao-kiosk'), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${token.slice(0, 8)}.tmp`;
  writeFileSync(temporary, JSON.stringify({ port: (server.address() as AddressInfo).port, token, pid: process.pid }), { mode: 0o600 });
  renameSync(temporary, file);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (ownsControlFile(file, token)) rmSync(file, { force: true });
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Whether the control file at `file` is still the one this server (this process, this token) wrote. */
function ownsControlFile(file: string, token: string): boolean {
  try {
    const current = controlFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    return current.pid === process.pid && current.token === token;
  } catch {
    return false; // gone, or not a control file: nothing of ours to delete
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, token: string, target: ControlTarget): Promise<void> {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer /, ''));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply(401, { error: 'bad token' });
  try {
    if (req.method === 'GET' && req.url === '/status') return reply(200, { persona: target.current() ?? null });
    if (req.method === 'POST' && req.url === '/remove') {
      await target.remove();
      return reply(200, { persona: null });
    }
    if (req.method === 'POST' && req.url === '/insert') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = insertBody.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      await target.insert(body.persona);
      return reply(200, { persona: body.persona });
    }
    return reply(404, { error: 'unknown endpoint' });
  } catch (e) {
    return reply(400, { error: e instanceof Error ? e.message : String(e) });
  }
}
