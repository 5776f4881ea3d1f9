/**
 * The one core both shells (Electron and the browser host) drive. It owns the boundary rule:
 * nothing from a renderer reaches the session until the contract schema has accepted it, and a
 * rejected message is answered with a typed error and logged; it never throws into the shell.
 */
import { intentSchema, type Intent } from '../../shared/intents.js';
import type { SessionSnapshot } from '../../shared/snapshot.js';
import type { IntentReply } from '../../shared/channels.js';
import { ERROR_CODES, KioskError, type KioskErrorPayload } from '../../shared/errors.js';
import type { Logger } from './logger.js';

/** What the core needs from the session: the current picture, a way to feed intents, change events. */
export interface SessionPort {
  snapshot(): SessionSnapshot;
  /** False when the intent does not fit the current screen (a double tap, a stale screen). */
  dispatch(intent: Intent): boolean | undefined;
  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
  close(): Promise<void>;
}

export interface KioskCore {
  current(): SessionSnapshot;
  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
  /** Validates and dispatches one message from a renderer. `origin` names the channel, for the log. */
  handleIntent(raw: unknown, origin: string): IntentReply;
  close(): Promise<void>;
}

export const INVALID_MESSAGE_ERROR: KioskErrorPayload = {
  code: ERROR_CODES.IPC_INVALID_MESSAGE,
  message: '不正なメッセージを拒否しました / Invalid message rejected',
};

export const INTENT_NOT_ALLOWED_ERROR: KioskErrorPayload = {
  code: ERROR_CODES.IPC_INTENT_NOT_ALLOWED,
  message: 'この画面では受け付けられない操作です / Not allowed on this screen',
};

export function createKioskCore(session: SessionPort, log: Logger): KioskCore {
  return {
    current: () => session.snapshot(),
    subscribe: (listener) => session.subscribe(listener),
    handleIntent(raw, origin) {
      const parsed = intentSchema.safeParse(raw);
      if (!parsed.success) {
        // Log where the message was wrong, never its content: it may hold a PIN digit.
        const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`);
        log.warn({ code: ERROR_CODES.IPC_INVALID_MESSAGE, origin, issues }, 'rejected invalid intent');
        return { ok: false, error: INVALID_MESSAGE_ERROR };
      }
      try {
        if (session.dispatch(parsed.data) === false) {
          log.info({ code: ERROR_CODES.IPC_INTENT_NOT_ALLOWED, origin, intent: parsed.data.type }, 'intent not allowed on this screen');
          return { ok: false, error: INTENT_NOT_ALLOWED_ERROR };
        }
        return { ok: true };
      } catch (err) {
        const known = err instanceof KioskError;
        const code = known ? err.code : ERROR_CODES.INTERNAL;
        log.error({ code, origin, intent: parsed.data.type, err }, 'intent failed');
        return { ok: false, error: { code, message: known ? err.message : '内部エラー / Internal error' } };
      }
    },
    close: () => session.close(),
  };
}
