/**
 * PC/SC failures as typed card errors. pcsclite reports them as Error messages ending in the
 * PC/SC return code, e.g. "SCardTransmit error: Card was removed.(0x80100069)".
 */
import { CardError } from './card-error.js';
import type { CardErrorKey } from './error-codes.js';

const BY_CODE: ReadonlyMap<number, CardErrorKey> = new Map<number, CardErrorKey>([
  [0x80100069, 'CARD_REMOVED'], // SCARD_W_REMOVED_CARD
  [0x8010000c, 'CARD_REMOVED'], // SCARD_E_NO_SMARTCARD
  [0x80100068, 'CARD_REMOVED'], // SCARD_W_RESET_CARD: someone reset it; our session state is gone
  [0x80100067, 'CARD_REMOVED'], // SCARD_W_UNPOWERED_CARD
  [0x80100066, 'CARD_BROKEN'], // SCARD_W_UNRESPONSIVE_CARD
  [0x80100065, 'NOT_RECOGNISED'], // SCARD_W_UNSUPPORTED_CARD
  [0x8010000f, 'NOT_RECOGNISED'], // SCARD_E_PROTO_MISMATCH (not T=1)
  [0x80100016, 'CARD_BROKEN'], // SCARD_E_NOT_TRANSACTED
  [0x8010000b, 'READER_BUSY'], // SCARD_E_SHARING_VIOLATION: another process holds the card
  [0x80100009, 'READER_GONE'], // SCARD_E_UNKNOWN_READER
  [0x80100017, 'READER_GONE'], // SCARD_E_READER_UNAVAILABLE
  [0x8010002e, 'READER_GONE'], // SCARD_E_NO_READERS_AVAILABLE
  [0x8010001d, 'PCSC_UNAVAILABLE'], // SCARD_E_NO_SERVICE
  [0x8010001e, 'PCSC_UNAVAILABLE'], // SCARD_E_SERVICE_STOPPED
  [0x80100003, 'PCSC_UNAVAILABLE'], // SCARD_E_INVALID_HANDLE: the context died with pcscd
  [0x8010000a, 'TIMEOUT'], // SCARD_E_TIMEOUT
]);

export function pcscError(cause: unknown, context: string): CardError {
  if (cause instanceof CardError) return cause.transport ? cause : new CardError(cause.reason, cause.detail, { cause, transport: true });
  const text = cause instanceof Error ? cause.message : String(cause);
  const match = /0x([0-9a-f]{8})/i.exec(text);
  const code = match?.[1] ? Number.parseInt(match[1], 16) : undefined;
  const reason = (code !== undefined ? BY_CODE.get(code) : undefined) ?? (/not connected/i.test(text) ? 'CARD_REMOVED' : 'CARD_BROKEN');
  return new CardError(reason, `${context}: ${text}`, { cause, transport: true });
}
