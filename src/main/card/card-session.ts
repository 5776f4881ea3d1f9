/**
 * One inserted card, connected exclusively, for the rest of a patient's visit: the operations
 * the session engine may ask for after the initial read. Ending it powers the card down, which
 * clears a verified PIN (§1). Every call after removal fails with CARD_REMOVED.
 */
import type { KeyObject } from 'node:crypto';
import type { CardChannel } from './card-channel.js';
import { CardError } from './card-error.js';
import type { RetryState, VerifyOutcome } from './card-commands.js';
import { authPinTries, signNonce, verifyAuthPin } from './jpki.js';
import { readCardFace, type CardFaceOptions, type CardFaceRead } from './kenkaku.js';
import { readBasicFour, type BasicFour, type KenhojoCredential } from './kenhojo.js';

export class CardSession {
  private tail: Promise<unknown> = Promise.resolve();
  private ended = false;

  constructor(
    private readonly channel: CardChannel,
    private readonly certificateKey: KeyObject,
    private readonly cardFaceOptions: CardFaceOptions = {},
    /** Resolves true if the card is reported gone within the given time (see ReaderMonitor). */
    private readonly removedWithin: (ms: number) => Promise<boolean> = async () => false,
  ) {}

  /** 利用者証明用PIN tries left (spends none). */
  pinTries(): Promise<RetryState> {
    return this.serial(() => authPinTries(this.channel));
  }

  /** Exactly one VERIFY with the patient's 4 digits. */
  verifyPin(pin: string): Promise<VerifyOutcome> {
    return this.serial(() => verifyAuthPin(this.channel, pin));
  }

  /** Signature over the service nonce, checked against the certificate read at insertion. */
  signNonce(nonce: Uint8Array): Promise<Uint8Array> {
    return this.serial(() => signNonce(this.channel, nonce, this.certificateKey));
  }

  /** Card-face record with the face photo, unlocked by 照合番号B from the card-face scan. */
  readCardFace(collationB: string): Promise<CardFaceRead> {
    return this.serial(() => readCardFace(this.channel, collationB, this.cardFaceOptions));
  }

  readBasicFour(credential: KenhojoCredential): Promise<BasicFour> {
    return this.serial(() => readBasicFour(this.channel, credential));
  }

  get apduCount(): number {
    return this.channel.apduCount;
  }

  /** Disconnect with UNPOWER. Idempotent. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.tail.catch(() => undefined);
    await this.channel.disconnect();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** One operation at a time: a card has one current DF and one APDU in flight. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    if (this.ended) return Promise.reject(new CardError('CARD_REMOVED', 'card session already ended'));
    const guarded = () => op().catch((e: unknown) => explainRemoval(e, this.removedWithin));
    const run = this.tail.then(guarded, guarded);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/**
 * Readers report a pulled card a little after the APDU that failed because of it (vpcd 0.1-0.6 s
 * after "Transaction failed" 0x80100016); a link failure followed by a removal is a removal, not a
 * broken card. A link failure that already says "removed" (0x80100069, no card) waits too, so the
 * removal event is out before the failure reaches the patient's screen: the session then sees a
 * clean return to standby, not an error screen a moment before it.
 */
export const REMOVAL_SETTLE_MS = 1_500;

export async function explainRemoval(error: unknown, removedWithin: (ms: number) => Promise<boolean>): Promise<never> {
  if (error instanceof CardError && error.transport && (await removedWithin(REMOVAL_SETTLE_MS)) && error.reason !== 'CARD_REMOVED') {
    throw new CardError('CARD_REMOVED', error.detail, { cause: error, transport: true });
  }
  throw error;
}
