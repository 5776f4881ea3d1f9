/**
 * Camera frames over the browser host's socket: binary messages with a 16-byte header, handed to
 * the face matcher only while a face session wants them. Hostile frames (lying headers, wrong
 * sizes, oversized payloads) get a typed rejection and count as invalid messages; the host keeps
 * serving intents to the same client and new clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { serverMessageSchema, type ServerMessage } from '../../../src/shared/channels.js';
import { encodeFrame, FRAME_HEADER_BYTES, MAX_FRAME_MESSAGE_BYTES, type WireFrame } from '../../../src/shared/camera-frame.js';
import { ERROR_CODES, KioskError } from '../../../src/shared/errors.js';
import { startKiosk, type RunningKiosk } from '../../../src/main/core/compose.js';
import { createLogger } from '../../../src/main/core/logger.js';
import type { CameraFrame } from '../../../src/main/face/frame.js';
import { startHttpHost, type RunningHost } from '../../../src/main/host/http-host.js';

let dataDir: string;
let kiosk: RunningKiosk;
let host: RunningHost;
/** A stand-in for the face port, so the test sees exactly what reaches the matcher. */
const sink = { wanting: false, refuse: false, received: [] as CameraFrame[] };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-frames-'));
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  const log = createLogger({ level: 'silent' });
  kiosk = await startKiosk({ dataDir, port: 0, open: 'none', demo: false }, log);
  const frames = {
    wanted: () => sink.wanting,
    push(frame: CameraFrame) {
      if (sink.refuse) throw new KioskError('E-FACE-002', 'カメラ映像の形式が正しくありません / Camera frame rejected');
      sink.received.push(frame);
    },
  };
  host = await startHttpHost({ core: kiosk.core, frames, rendererDir, log });
});

afterAll(async () => {
  await host.close();
  await kiosk.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function frame(width = 640, height = 480): WireFrame {
  const uvStride = width / 2;
  const data = new Uint8Array(width * height + 2 * uvStride * (height / 2)).fill(128);
  data.fill(200, 0, width); // a recognisable first row
  return { format: 'I420', width, height, yStride: width, uvStride, fullRange: false, data };
}

async function connect() {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${encodeURIComponent(host.token)}`, { headers: { Origin: `http://127.0.0.1:${host.port}` } });
  const messages: ServerMessage[] = [];
  let wake: (() => void) | undefined;
  ws.on('message', (data) => {
    messages.push(serverMessageSchema.parse(JSON.parse(data.toString())));
    wake?.();
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const next = async (predicate: (m: ServerMessage) => boolean): Promise<ServerMessage> => {
    for (;;) {
      const index = messages.findIndex(predicate);
      if (index >= 0) return messages.splice(index, 1)[0]!;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  /** An intent round trip: everything sent before it has been handled once its reply is here. */
  let id = 100;
  const roundTrip = async () => {
    const mine = id++;
    ws.send(JSON.stringify({ type: 'intent', id: mine, intent: { type: 'set-large-text', on: mine % 2 === 0 } }));
    return next((m) => m.type === 'reply' && m.id === mine);
  };
  return { ws, messages, next, roundTrip };
}

function withHeader(bytes: Uint8Array, patch: (view: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  patch(new DataView(copy.buffer));
  return copy;
}

describe('camera frames over the browser host socket', () => {
  it('hands a valid frame to the matcher only while a face session wants it', async () => {
    const client = await connect();
    sink.received.length = 0;
    sink.wanting = false;
    client.ws.send(encodeFrame(frame()));
    await client.roundTrip();
    expect(sink.received).toHaveLength(0);

    sink.wanting = true;
    client.ws.send(encodeFrame(frame()));
    await client.roundTrip();
    sink.wanting = false;
    expect(sink.received).toHaveLength(1);
    const got = sink.received[0]!;
    expect(got).toMatchObject({ format: 'I420', width: 640, height: 480, yStride: 640, uvStride: 320, fullRange: false });
    expect(got.data.length).toBe(640 * 480 * 1.5);
    expect([got.data[0], got.data[639], got.data[640]]).toEqual([200, 200, 128]);
    expect(client.messages.filter((m) => m.type === 'rejected')).toHaveLength(0);
    client.ws.close();
  });

  it('rejects hostile frames with a typed error and keeps serving the same client', async () => {
    const client = await connect();
    sink.wanting = true;
    sink.received.length = 0;
    const good = encodeFrame(frame());
    const hostile: Array<[string, Uint8Array]> = [
      ['shorter than the header', good.subarray(0, FRAME_HEADER_BYTES - 1)],
      ['not I420', withHeader(good, (v) => v.setUint8(0, 0x52))],
      ['width beyond 720p', withHeader(good, (v) => v.setUint16(4, 4096, true))],
      ['height below the minimum', withHeader(good, (v) => v.setUint16(6, 8, true))],
      ['stride smaller than the width', withHeader(good, (v) => v.setUint16(8, 320, true))],
      ['chroma stride far too large', withHeader(good, (v) => v.setUint16(10, 4000, true))],
      ['reserved bits', withHeader(good, (v) => v.setUint8(14, 1))],
      ['truncated pixels', good.subarray(0, good.length - 1)],
      ['trailing bytes', new Uint8Array([...good.subarray(0, 64), ...new Uint8Array(good.length - 64 + 7)])],
    ];
    for (const [why, bytes] of hostile) {
      client.ws.send(bytes);
      const rejected = await client.next((m) => m.type === 'rejected');
      expect(rejected, why).toMatchObject({ error: { code: ERROR_CODES.IPC_INVALID_MESSAGE } });
    }
    expect(sink.received).toHaveLength(0);

    // A frame that passes the header but that the matcher refuses carries the matcher's code.
    sink.refuse = true;
    client.ws.send(good);
    expect(await client.next((m) => m.type === 'rejected')).toMatchObject({ error: { code: 'E-FACE-002' } });
    sink.refuse = false;
    sink.wanting = false;

    expect(await client.roundTrip()).toMatchObject({ reply: { ok: true } });
    client.ws.close();
  });

  it('closes a client that sends a message larger than a 720p frame, and still serves new ones', async () => {
    const client = await connect();
    const closed = new Promise<number>((resolve) => client.ws.on('close', (code) => resolve(code)));
    client.ws.send(new Uint8Array(MAX_FRAME_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    const fresh = await connect();
    expect(await fresh.roundTrip()).toMatchObject({ reply: { ok: true } });
    fresh.ws.close();
  });
});
