/**
 * window.kiosk over a WebSocket: the browser host's equivalent of the Electron preload + ipcMain.
 * Every frame is parsed and validated against the contract; a bad frame gets a typed `rejected`
 * answer and the connection keeps working, until a client sends so many bad frames that it is
 * clearly hostile, and is then closed. Nothing a client sends can throw into the host.
 *
 * Text messages are JSON intents; binary messages are camera frames (src/shared/camera-frame.ts),
 * handed to the face matcher only while a face session wants them. A malformed frame counts as
 * an invalid message like any other.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { clientMessageSchema, type ServerMessage } from '../../shared/channels.js';
import { MAX_FRAME_MESSAGE_BYTES } from '../../shared/camera-frame.js';
import { ERROR_CODES } from '../../shared/errors.js';
import { INVALID_MESSAGE_ERROR, type KioskCore } from '../core/kiosk-core.js';
import type { Logger } from '../core/logger.js';
import { acceptFrameMessage, type CameraFrameSink } from '../core/camera-frames.js';
import { checkSocketRequest } from './socket-gate.js';
import type { AdminService } from '../ops/admin-service.js';

/** One 720p I420 camera frame with its header, the largest message; anything bigger closes the socket (1009). */
export const MAX_FRAME_BYTES = MAX_FRAME_MESSAGE_BYTES;
/** Invalid frames tolerated per connection before it is closed as hostile. */
export const MAX_INVALID_FRAMES = 50;

export function attachKioskSocket(server: Server, core: KioskCore, gate: { token: string; hosts: () => string[] }, log: Logger, frames?: CameraFrameSink, admin?: AdminService) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (req, socket: Duplex, head) => {
    socket.on('error', () => socket.destroy());
    const verdict = checkSocketRequest(req, { token: gate.token, hosts: gate.hosts() });
    if (!verdict.ok) {
      log.warn({ code: ERROR_CODES.IPC_UNAUTHORISED, reason: verdict.reason, remote: req.socket.remoteAddress }, 'socket refused');
      socket.end(`HTTP/1.1 ${verdict.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws));
  });

  function serveClient(ws: WebSocket) {
    let invalid = 0;
    const send = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = core.subscribe((snapshot) => send({ type: 'snapshot', snapshot }));
    send({ type: 'snapshot', snapshot: core.current() });

    const countInvalid = () => {
      invalid += 1;
      if (invalid >= MAX_INVALID_FRAMES) ws.close(1008, 'too many invalid messages');
    };

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        const verdict = acceptFrameMessage(bytesOf(data), frames);
        if (verdict.ok) return;
        log.warn({ code: verdict.error.code, reason: verdict.reason }, 'rejected camera frame');
        send({ type: 'rejected', error: verdict.error });
        countInvalid();
        return;
      }
      const message = parseJson(data.toString());
      const parsed = clientMessageSchema.safeParse(message);
      if (parsed.success && parsed.data.type === 'admin') {
        const { id, request } = parsed.data;
        if (admin) void admin.handle(request, 'socket').then((reply) => send({ type: 'admin-reply', id, reply }));
        else send({ type: 'admin-reply', id, reply: { ok: false, error: INVALID_MESSAGE_ERROR } });
        return;
      }
      if (parsed.success && parsed.data.type === 'intent') {
        send({ type: 'reply', id: parsed.data.id, reply: core.handleIntent(parsed.data.intent, 'socket') });
        return;
      }
      // Intent-shaped frames are validated by the core so the rejection is logged in one place.
      const id = idOf(message);
      if (id !== undefined) send({ type: 'reply', id, reply: core.handleIntent(intentOf(message), 'socket') });
      else {
        log.warn({ code: ERROR_CODES.IPC_INVALID_MESSAGE }, 'rejected malformed socket frame');
        send({ type: 'rejected', error: INVALID_MESSAGE_ERROR });
      }
      countInvalid();
    });
    ws.on('error', (err) => log.warn({ code: ERROR_CODES.IPC_INVALID_MESSAGE, err: err.message }, 'socket error'));
    ws.on('close', unsubscribe);
  }

  return {
    close: () =>
      new Promise<void>((done) => {
        // wss.close() alone waits for every client to leave; at shutdown we do not wait.
        for (const client of wss.clients) client.terminate();
        wss.close(() => done());
      }),
  };
}

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function idOf(message: unknown): number | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const id = (message as { id?: unknown }).id;
  return Number.isInteger(id) && (id as number) >= 0 ? (id as number) : undefined;
}

function intentOf(message: unknown): unknown {
  return (message as { intent?: unknown }).intent;
}
