/**
 * The card port (カード): the reader monitor's events, turned into session events, and the
 * session's card effects, answered from the card the monitor holds open.
 *
 * Per card the monitor says card-inserted, then card-read or card-error, then card-removed. The
 * session asks for the facts (read-card) right after card-inserted, usually before the read has
 * finished, so each insertion opens one pending read that the monitor's answer settles. The
 * CardSession of the read stays with the port for PIN and signing until the card leaves or the
 * session returns to standby, when it is ended (UNPOWER clears a verified PIN, §1).
 */
import { createHash } from 'node:crypto';
import { KioskError } from '../../shared/errors.js';
import { CardError } from '../card/card-error.js';
import { REMOVAL_SETTLE_MS, type CardSession } from '../card/card-session.js';
import { CardChannel } from '../card/card-channel.js';
import { readAuthCertificate, type CertificateFacts, type JpkiTrust } from '../card/jpki.js';
import type { CardReaderSource } from '../card/transport.js';
import type { CardErrorInfo, ReaderEvent } from '../card/reader-events.js';
import type { SessionEvent, CardFacts } from '../session/events.js';
import type { CardPort, PinOutcome } from './effect-runner.js';
import { UNAVAILABLE_CODES } from './unavailable-ports.js';
import type { Logger } from './logger.js';

/** The card on the reader after a successful read: what signing, consents and registration need. */
export interface InsertedCard {
  readonly session: CardSession;
  readonly certificate: CertificateFacts;
  /** SHA-256 of the certificate DER (hex): the opaque subject key, never a name or My Number. */
  readonly subjectKey: string;
}

export interface CardPortDeps {
  /** The reader monitor (or anything emitting its events). */
  readonly subscribe: (listener: (event: ReaderEvent) => void) => () => void;
  /** 健康保険証利用登録 done for this certificate? Asked of the qualification side. */
  readonly isRegistered: (card: InsertedCard) => Promise<boolean>;
  /**
   * notAfter of a card the monitor refused as expired beyond grace (E-CARD-005), read again so
   * the session can show the patient the dates (card-unusable) instead of a bare error code.
   */
  readonly expiredCertificate: (reader: string) => Promise<CertificateFacts>;
  readonly now: () => Date;
  readonly log: Logger;
}

export interface CardLink {
  readonly port: CardPort;
  /** The card read on this kiosk's reader, while it is there and the session is not over. */
  current(): InsertedCard | undefined;
  /** Starts feeding reader events into the session. */
  start(dispatch: (event: SessionEvent) => void): void;
  /** The session is back at standby: power the card down. Idempotent. */
  endCard(): Promise<void>;
  close(): Promise<void>;
}

export function subjectKeyOf(certificateDer: Uint8Array): string {
  return createHash('sha256').update(certificateDer).digest('hex');
}

interface PendingRead {
  readonly facts: Promise<CardFacts>;
  settle(outcome: { facts: CardFacts } | { error: Error }): void;
}

function pendingRead(): PendingRead {
  let settle!: PendingRead['settle'];
  const facts = new Promise<CardFacts>((resolve, reject) => {
    settle = (outcome) => ('facts' in outcome ? resolve(outcome.facts) : reject(outcome.error));
  });
  // Nobody may ever ask (the session was not at standby): an unobserved rejection is not a crash.
  facts.catch(() => undefined);
  return { facts, settle };
}

/** Reads the user-auth certificate once more (a few APDUs), for a card the monitor refused as expired. */
export async function readCertificateAgain(source: CardReaderSource, reader: string, trust: JpkiTrust): Promise<CertificateFacts> {
  const transport = await source.connect(reader);
  try {
    return await readAuthCertificate(new CardChannel(transport), trust);
  } finally {
    await transport.disconnect();
  }
}

function staffError(info: CardErrorInfo): KioskError {
  return new KioskError(info.code, info.message);
}

export function createCardLink(deps: CardPortDeps): CardLink {
  const { log } = deps;
  let pending: PendingRead | undefined;
  let inserted: InsertedCard | undefined;
  let unsubscribe: (() => void) | undefined;
  /** A read that failed because its card left, answered once card-removed has reached the session. */
  let heldRemoval: (() => void) | undefined;

  async function factsOf(card: InsertedCard): Promise<CardFacts> {
    // A retry query (empty VERIFY) spends no try; 6A88 marks the PIN-less 顔認証マイナンバーカード.
    const tries = await card.session.pinTries();
    return {
      kind: 'my-number-card',
      registered: await deps.isRegistered(card),
      pinless: tries.status === 'not-set',
      pinTriesLeft: tries.status === 'available' ? tries.triesLeft : 0,
      certificateNotAfter: card.certificate.notAfter,
    };
  }

  async function expiredFacts(reader: string): Promise<CardFacts> {
    const certificate = await deps.expiredCertificate(reader);
    return {
      kind: 'my-number-card',
      // Not asked: the service refuses an expired certificate, and the session stops at
      // card-unusable before registration matters.
      registered: false,
      pinless: false,
      pinTriesLeft: 0,
      certificateNotAfter: certificate.notAfter,
    };
  }

  function onReaderEvent(event: ReaderEvent, dispatch: (event: SessionEvent) => void): void {
    switch (event.type) {
      case 'card-inserted':
        pending = pendingRead();
        dispatch({ type: 'card-inserted', at: deps.now() });
        return;
      case 'card-read': {
        const read = pending;
        const card: InsertedCard = { session: event.session, certificate: event.facts.certificate, subjectKey: subjectKeyOf(event.facts.certificate.der) };
        inserted = card;
        log.info({ apdus: event.facts.apdus }, 'card read without PIN');
        void factsOf(card).then(
          (facts) => read?.settle({ facts }),
          (error: unknown) => read?.settle({ error: error instanceof Error ? error : new Error(String(error)) }),
        );
        return;
      }
      case 'card-error': {
        const read = pending;
        if (event.error.reason === 'CERT_EXPIRED') {
          void expiredFacts(event.reader).then(
            (facts) => read?.settle({ facts }),
            (error: unknown) => {
              log.warn({ err: error, code: event.error.code }, 'expired certificate could not be read again');
              read?.settle({ error: staffError(event.error) });
            },
          );
          return;
        }
        if (event.error.reason === 'CARD_REMOVED') {
          // card-removed follows (the monitor's last word per card): the session returns to
          // standby on it, and the failed read, answered after, is then ignored instead of
          // flashing an error screen. The timer covers a CARD_REMOVED with no removal (a reset).
          const answer = () => {
            clearTimeout(timer);
            heldRemoval = undefined;
            read?.settle({ error: staffError(event.error) });
          };
          const timer = setTimeout(answer, REMOVAL_SETTLE_MS);
          heldRemoval = answer;
          return;
        }
        read?.settle({ error: staffError(event.error) });
        return;
      }
      case 'card-removed':
        if (inserted !== undefined) log.info({ apdus: inserted.session.apduCount }, 'card removed; its session is ended by the monitor');
        pending = undefined;
        inserted = undefined;
        dispatch({ type: 'card-removed' });
        heldRemoval?.();
        return;
      case 'service-down':
        log.error({ code: event.error.code }, 'PC/SC service down');
        pending?.settle({ error: staffError(event.error) });
        pending = undefined;
        inserted = undefined;
        // A patient mid-session sees the staff code; at standby the session ignores it.
        dispatch({ type: 'card-error', code: event.error.code, message: event.error.message });
        return;
      case 'reader-added':
      case 'reader-removed':
      case 'service-up':
        log.info({ event: event.type, reader: 'reader' in event ? event.reader : undefined }, 'reader stack');
    }
  }

  const port: CardPort = {
    readFacts() {
      if (pending === undefined) {
        throw new KioskError(UNAVAILABLE_CODES.card, 'カードリーダーからカードを読めていません / No card was read by the reader');
      }
      return pending.facts;
    },
    async verifyPin(pin): Promise<PinOutcome> {
      const card = inserted;
      if (card === undefined) throw new CardError('CARD_REMOVED', 'no card session for VERIFY');
      const outcome = await card.session.verifyPin(pin.reveal());
      switch (outcome.status) {
        case 'verified':
          return { outcome: 'ok' };
        case 'available':
          return { outcome: 'wrong', triesLeft: outcome.triesLeft };
        case 'blocked':
          return { outcome: 'blocked' };
        case 'not-set':
          throw new CardError('PIN_NOT_SET');
      }
    },
  };

  return {
    port,
    current: () => inserted,
    start(dispatch) {
      unsubscribe ??= deps.subscribe((event) => onReaderEvent(event, dispatch));
    },
    async endCard() {
      const card = inserted;
      inserted = undefined;
      pending = undefined;
      if (card === undefined) return;
      await card.session.end();
      log.info({ apdus: card.session.apduCount }, 'card session ended (UNPOWER)');
    },
    async close() {
      unsubscribe?.();
      unsubscribe = undefined;
      await this.endCard();
    },
  };
}
