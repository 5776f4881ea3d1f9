/**
 * Events the reader monitor emits for the session engine (the lead maps them into session events).
 * Facts only: no image, PIN or My Number ever travels in these.
 */
import type { CardErrorKey } from './error-codes.js';
import type { CertificateFacts } from './jpki.js';
import type { CardSession } from './card-session.js';

/** What the kiosk knows after the no-PIN read: a genuine My Number card and its user-auth certificate. */
export interface CardReadFacts {
  readonly token: 'my-number-card';
  /** 利用者証明用電子証明書, chain-checked against the configured JPKI CAs. */
  readonly certificate: CertificateFacts;
  /** Last JST day the certificate may be used (end of the 3rd month after notAfter's month). */
  readonly graceLastDay: string;
  /** APDUs this read took (for diagnostics and the bench). */
  readonly apdus: number;
}

export interface CardErrorInfo {
  readonly reason: CardErrorKey;
  /** Staff code, e.g. E-CARD-008. */
  readonly code: string;
  /** Staff message, Japanese / English. */
  readonly message: string;
}

export type ReaderEvent =
  | { readonly type: 'reader-added'; readonly reader: string }
  | { readonly type: 'reader-removed'; readonly reader: string }
  | { readonly type: 'card-inserted'; readonly reader: string; readonly atrHex: string }
  /** The card was read; `session` stays open (exclusive) for PIN, signature or card-face reads until removal or end(). */
  | { readonly type: 'card-read'; readonly reader: string; readonly facts: CardReadFacts; readonly session: CardSession }
  | { readonly type: 'card-removed'; readonly reader: string }
  | { readonly type: 'card-error'; readonly reader: string; readonly error: CardErrorInfo }
  /** pcscd unreachable (or back): every reader is unusable until `service-up`. */
  | { readonly type: 'service-down'; readonly error: CardErrorInfo }
  | { readonly type: 'service-up' };
