/**
 * window.kiosk for the browser host: the same KioskApi the Electron preload exposes, carried over
 * a WebSocket to 127.0.0.1. The per-launch token comes from the URL fragment and is moved out of
 * the address bar at once, into this tab's sessionStorage so a reload keeps working. A dropped
 * socket reconnects; intents sent meanwhile fail with a typed error instead of hanging, so the
 * screen never waits on a dead connection. Camera frames go as binary messages, and only when
 * the previous one has left: a slow link drops frames instead of queueing stale ones.
 */
import { serverMessageSchema, type IntentReply, type KioskApi, type SessionSnapshot } from '../../shared/channels.js';
import type { Intent } from '../../shared/intents.js';
import { ERROR_CODES } from '../../shared/errors.js';
import { encodeFrame, type WireFrame } from '../../shared/camera-frame.js';
import type { AdminReply, AdminRequest } from '../../shared/admin.js';

const RECONNECT_MS = 1000;
const REPLY_TIMEOUT_MS = 10_000;
const DISCONNECTED_ERROR = { code: ERROR_CODES.IPC_DISCONNECTED, message: '本体との接続が切れています / Connection to the kiosk core lost' };
const DISCONNECTED: IntentReply = { ok: false, error: DISCONNECTED_ERROR };
const ADMIN_DISCONNECTED: AdminReply = { ok: false, error: DISCONNECTED_ERROR };

const TOKEN_KEY = 'kiosk-token';

export function createSocketBridge(location: Location, history: History, storage: Storage): KioskApi {
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromUrl) storage.setItem(TOKEN_KEY, fromUrl);
  history.replaceState(null, '', location.pathname);
  const token = storage.getItem(TOKEN_KEY) ?? '';
  const socketUrl = `ws://${location.host}/ws?token=${encodeURIComponent(token)}`;

  const listeners = new Set<(snapshot: SessionSnapshot) => void>();
  const pending = new Map<number, (reply: IntentReply) => void>();
  const adminPending = new Map<number, (reply: AdminReply) => void>();
  let latest: SessionSnapshot | undefined;
  let nextId = 1;
  let socket: WebSocket;

  function connect() {
    socket = new WebSocket(socketUrl);
    socket.onmessage = (event) => {
      const parsed = serverMessageSchema.safeParse(safeJson(event.data));
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'snapshot') {
        latest = message.snapshot;
        for (const listener of listeners) listener(message.snapshot);
      } else if (message.type === 'reply') {
        pending.get(message.id)?.(message.reply);
        pending.delete(message.id);
      } else if (message.type === 'admin-reply') {
        adminPending.get(message.id)?.(message.reply);
        adminPending.delete(message.id);
      }
    };
    socket.onclose = () => {
      for (const resolve of pending.values()) resolve(DISCONNECTED);
      pending.clear();
      for (const resolve of adminPending.values()) resolve(ADMIN_DISCONNECTED);
      adminPending.clear();
      setTimeout(connect, RECONNECT_MS);
    };
  }
  connect();

  return {
    onSnapshot(listener) {
      listeners.add(listener);
      if (latest) listener(latest);
      return () => listeners.delete(listener);
    },
    send(intent: Intent) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(DISCONNECTED);
      const id = nextId++;
      return new Promise<IntentReply>((resolve) => {
        pending.set(id, resolve);
        setTimeout(() => {
          if (pending.delete(id)) resolve(DISCONNECTED);
        }, REPLY_TIMEOUT_MS);
        socket.send(JSON.stringify({ type: 'intent', id, intent }));
      });
    },
    sendFrame(frame: WireFrame) {
      if (socket.readyState !== WebSocket.OPEN || socket.bufferedAmount > 0) return;
      socket.send(encodeFrame(frame));
    },
    admin(request: AdminRequest) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(ADMIN_DISCONNECTED);
      const id = nextId++;
      return new Promise<AdminReply>((resolve) => {
        adminPending.set(id, resolve);
        setTimeout(() => {
          if (adminPending.delete(id)) resolve(ADMIN_DISCONNECTED);
        }, REPLY_TIMEOUT_MS);
        socket.send(JSON.stringify({ type: 'admin', id, request }));
      });
    },
  };
}

function safeJson(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
