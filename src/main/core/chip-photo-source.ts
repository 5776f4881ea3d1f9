/**
 * The chip photo (券面事項確認AP, EF 0002) of the card on the reader, unlocked the way face readers
 * do it: photograph the card front, read 照合番号B by OCR, present it (src/main/cardface). Face
 * matching and staff 目視 both ask here, one at a time, so two callers can never spend the card's
 * 照合番号B tries in parallel; each insertion gets its own VerificationBTryGuard (≤ 2 wrong tries).
 * The photo is returned to the caller and not kept here.
 */
import { KioskError } from '../../shared/errors.js';
import { CardError } from '../card/card-error.js';
import { calendarDateOf } from '../cardface/calendar-date.js';
import type { CardFaceReader } from '../cardface/card-face-reader.js';
import { CARDFACE_ERROR_MESSAGES, type CardFaceErrorCode } from '../cardface/error-codes.js';
import type { CardFaceScanner } from '../cardface/scanner.js';
import { unlockWithCardFace } from '../cardface/unlock-with-card-face.js';
import { VerificationBTryGuard } from '../cardface/wrong-try-guard.js';
import type { InsertedCard } from './card-port.js';
import type { Logger } from './logger.js';

export interface ChipPhotoSource {
  /**
   * The JP2 photo of the card now on the reader. Throws KioskError E-CFS-004 (front unreadable)
   * or E-CFS-005 (照合番号B refused) when PIN or 目視 must be offered instead; CardError when the
   * card left or broke; E-CFS-001 when the scanner gives no picture.
   */
  read(): Promise<Uint8Array>;
}

export interface ChipPhotoSourceDeps {
  readonly scanner: CardFaceScanner;
  readonly reader: Pick<CardFaceReader, 'read'>;
  readonly currentCard: () => InsertedCard | undefined;
  readonly now: () => Date;
  readonly log: Logger;
}

/** The codes that mean "this card's front will not unlock its photo": offer PIN or 目視, not face again. */
export const CARD_FACE_UNUSABLE: ReadonlySet<string> = new Set<CardFaceErrorCode>(['E-CFS-004', 'E-CFS-005']);

const isWrongVerificationB = (error: unknown) => error instanceof CardError && error.reason === 'COLLATION_REJECTED';

export function createChipPhotoSource(deps: ChipPhotoSourceDeps): ChipPhotoSource {
  // A new InsertedCard object per card read, i.e. per insertion: its guard starts fresh.
  const guards = new WeakMap<InsertedCard, VerificationBTryGuard>();
  let queue: Promise<unknown> = Promise.resolve();

  async function unlock(): Promise<Uint8Array> {
    const card = deps.currentCard();
    if (!card) throw new CardError('CARD_REMOVED', 'no card on the reader for the card-face scan');
    let guard = guards.get(card);
    if (!guard) {
      guard = new VerificationBTryGuard();
      guard.cardInserted();
      guards.set(card, guard);
    }
    const outcome = await unlockWithCardFace({
      scanner: deps.scanner,
      reader: deps.reader,
      guard,
      today: calendarDateOf(deps.now()),
      present: (verificationB) => card.session.readCardFace(verificationB),
      isWrongVerificationB,
    });
    if (!outcome.ok) {
      // The reason names a field or a check, never a value read off the card.
      deps.log.warn({ code: outcome.code, reason: outcome.reason, scans: outcome.scans, wrongTries: outcome.wrongTries }, 'card-face unlock failed');
      throw new KioskError(outcome.code, CARDFACE_ERROR_MESSAGES[outcome.code]);
    }
    deps.log.info({ scans: outcome.scans, wrongTries: outcome.wrongTries }, 'chip photo unlocked from the card front');
    return outcome.result.record.facePhotoJp2;
  }

  return {
    read() {
      const next = queue.then(unlock, unlock);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
