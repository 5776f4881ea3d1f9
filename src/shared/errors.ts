/**
 * Error codes shown to staff. Every failure that reaches a screen, a log line or an IPC reply
 * carries one of these codes, so staff can look up the remedy in docs/operator-guide.md.
 * Codes are stable strings: renaming one breaks operators' notes, so only ever add.
 */
import { z } from 'zod';

export const ERROR_CODES = {
  /** A message from the renderer or a socket client failed contract validation. */
  IPC_INVALID_MESSAGE: 'E-IPC-001',
  /** A socket client connected without the per-launch token. */
  IPC_UNAUTHORISED: 'E-IPC-002',
  /** An intent that is valid in shape but not allowed in the current session state. */
  IPC_INTENT_NOT_ALLOWED: 'E-IPC-003',
  /** The renderer lost its connection to main (browser host socket closed); it reconnects. */
  IPC_DISCONNECTED: 'E-IPC-004',
  /** An unexpected failure inside main while handling a message (a bug: report it). */
  INTERNAL: 'E-SYS-001',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Codes may be added by other modules (card, face, service) as string constants of the same form. */
export const errorCodeSchema = z.string().regex(/^E-[A-Z]{2,5}-\d{3}$/);

export const kioskErrorSchema = z.object({
  code: errorCodeSchema,
  /** Plain-language description for staff (Japanese first, English after " / "). */
  message: z.string(),
});
export type KioskErrorPayload = z.infer<typeof kioskErrorSchema>;

/** The one error type thrown across module boundaries in main. */
export class KioskError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KioskError';
    this.code = code;
  }

  toPayload(): KioskErrorPayload {
    return { code: this.code, message: this.message };
  }
}
