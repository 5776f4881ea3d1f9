import { KioskError } from '../../shared/errors.js';
import { CARD_ERRORS, type CardErrorKey } from './error-codes.js';

/**
 * The one error type the card module throws. `reason` is the machine-readable key (what the
 * monitor and session switch on); `code`/`message` come from the staff table so no caller
 * invents its own wording. `detail` is for logs: never put PINs or image bytes in it.
 */
export class CardError extends KioskError {
  readonly reason: CardErrorKey;
  readonly detail: string | undefined;
  /** The status word that caused it, when a card answered one. */
  readonly sw: number | undefined;
  /** The link failed (no answer at all), as opposed to the card answering something wrong. */
  readonly transport: boolean;

  constructor(reason: CardErrorKey, detail?: string, options?: { cause?: unknown; sw?: number; transport?: boolean }) {
    super(CARD_ERRORS[reason].code, CARD_ERRORS[reason].message, options);
    this.name = 'CardError';
    this.reason = reason;
    this.detail = detail;
    this.sw = options?.sw;
    this.transport = options?.transport ?? false;
  }
}

/** Malformed bytes from the card: always the same reason, with where it went wrong. */
export function malformed(detail: string): CardError {
  return new CardError('CARD_BROKEN', detail);
}
