/**
 * The boundary between card logic and how bytes reach a card: PC/SC (pcsc-reader-source.ts) or
 * an in-process virtual card (inprocess-reader-source.ts). Everything above this file is the same
 * for both, so every read is testable without hardware.
 */
import type { CardError } from './card-error.js';

/** One connected card. Calls are serialised by the implementation: one APDU in flight. */
export interface CardTransport {
  /**
   * Send a raw command APDU and resolve with the raw response including SW1 SW2.
   * Rejects only with CardError: CARD_REMOVED, READER_GONE, PCSC_UNAVAILABLE, TIMEOUT or CARD_BROKEN.
   */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /**
   * End the session and power the card down (SCARD_UNPOWER_CARD), which is what clears a
   * verified PIN on this card (§1). Never rejects: a card already gone is already unpowered.
   */
  disconnect(): Promise<void>;
}

export type ReaderSourceEvent =
  | { readonly type: 'reader-added'; readonly reader: string }
  | { readonly type: 'reader-removed'; readonly reader: string }
  | { readonly type: 'card-present'; readonly reader: string; readonly atr: Uint8Array }
  | { readonly type: 'card-absent'; readonly reader: string }
  | { readonly type: 'service-down'; readonly error: CardError }
  | { readonly type: 'service-up' };

/** Readers with hot-plug and card presence, plus connecting to the card in one of them. */
export interface CardReaderSource {
  /** Subscribe; returns the unsubscribe function. Current readers and cards are replayed to a new listener. */
  subscribe(listener: (event: ReaderSourceEvent) => void): () => void;
  readers(): readonly string[];
  /** Connect exclusively with T=1. Rejects with CardError. */
  connect(reader: string): Promise<CardTransport>;
  close(): Promise<void>;
}

/** Default per-call deadline; a contactless read of one 256-byte chunk takes well under this. */
export const DEFAULT_CALL_TIMEOUT_MS = 5_000;

/** Run `op` with a deadline, turning an expiry into the given error. */
export function withTimeout<T>(op: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    op.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
