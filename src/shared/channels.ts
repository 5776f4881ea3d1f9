/**
 * The wire between main and renderer, declared once. Electron IPC (preload) and the browser
 * host's WebSocket carry the same messages; both sides validate with these schemas.
 */
import { z } from 'zod';
import { intentSchema, type Intent } from './intents.js';
import { sessionSnapshotSchema, type SessionSnapshot } from './snapshot.js';
import { kioskErrorSchema, type KioskErrorPayload } from './errors.js';
import type { WireFrame } from './camera-frame.js';
import { adminReplySchema, type AdminReply, type AdminRequest } from './admin.js';

/** Electron IPC channel names. */
export const IPC_CHANNELS = {
  /** renderer → main (invoke): an intent; resolves with an IntentReply. */
  intent: 'kiosk:intent',
  /** renderer → main (invoke): the latest snapshot, for a renderer that (re)loads. */
  current: 'kiosk:current',
  /** main → renderer: a new snapshot. */
  snapshot: 'kiosk:snapshot',
  /** renderer → main (send, no answer): one camera frame, encoded by camera-frame.ts. */
  frame: 'kiosk:frame',
  /** renderer → main (invoke): a staff/admin request (src/shared/admin.ts); resolves with an AdminReply. */
  admin: 'kiosk:admin',
} as const;

export const intentReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: kioskErrorSchema }),
]);
export type IntentReply = z.infer<typeof intentReplySchema>;

/**
 * Browser host: client → server text messages (JSON). Camera frames travel as BINARY messages
 * in the camera-frame.ts encoding, never as JSON.
 */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('intent'), id: z.number().int().nonnegative(), intent: intentSchema }),
  /** The request is validated by main's admin service, which logs a rejection in one place. */
  z.object({ type: z.literal('admin'), id: z.number().int().nonnegative(), request: z.unknown() }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Browser host: server → client frames. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), snapshot: sessionSnapshotSchema }),
  z.object({ type: z.literal('reply'), id: z.number().int().nonnegative(), reply: intentReplySchema }),
  z.object({ type: z.literal('admin-reply'), id: z.number().int().nonnegative(), reply: adminReplySchema }),
  /** A message the server could not accept at all (no id to reply to). */
  z.object({ type: z.literal('rejected'), error: kioskErrorSchema }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** `window.kiosk`: what the renderer gets, identical under Electron and the browser host. */
export interface KioskApi {
  /** Calls `listener` with every new snapshot (and the current one at once). Returns unsubscribe. */
  onSnapshot(listener: (snapshot: SessionSnapshot) => void): () => void;
  /** Sends an intent; resolves with main's verdict, never rejects. */
  send(intent: Intent): Promise<IntentReply>;
  /**
   * Offers one camera frame while the face screen is up. Fire-and-forget: main drops frames it
   * does not need (no face session, or the worker still busy with a newer one).
   */
  sendFrame(frame: WireFrame): void;
  /**
   * A staff/admin request (login, settings, diagnostics, staff panel); resolves with main's
   * answer, never rejects. Absent only in the screen gallery, which has no main behind it.
   */
  admin?(request: AdminRequest): Promise<AdminReply>;
}

export type { Intent, SessionSnapshot, KioskErrorPayload, WireFrame, AdminRequest, AdminReply };
