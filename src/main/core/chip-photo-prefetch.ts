/**
 * The chip photo unlocked ahead of time: the session asks for it when it offers 顔認証, so the
 * scan → OCR → 照合番号B → VERIFY → EF 0002 (about 1.6 s) runs while the patient reads the method
 * choice instead of after the tap. The one held photo (or the unlock still running) belongs to
 * one insertion, lives in main memory only, goes to the first read() for that same card (face
 * or 目視; the caller then owns the bytes), and is wiped with fill(0) on forget().
 *
 * It spends no extra 照合番号B try: the unlock is the same call read() would make, through the
 * same source, so the insertion's VerificationBTryGuard still allows ≤ 2 wrong tries, and a
 * failure found early reaches the first read() as the very same error.
 */
import type { InsertedCard } from './card-port.js';
import type { ChipPhotoSource } from './chip-photo-source.js';

export interface PrefetchingChipPhotoSource extends ChipPhotoSource {
  /** Start unlocking the photo of the card on the reader now; nothing when one is held for it. */
  prefetch(): void;
  /** Wipe the held photo; one still being unlocked is wiped the moment it arrives. */
  forget(): void;
}

interface Held {
  readonly card: InsertedCard;
  readonly photo: Promise<Uint8Array>;
}

export function prefetchingChipPhotos(source: ChipPhotoSource, currentCard: () => InsertedCard | undefined): PrefetchingChipPhotoSource {
  let held: Held | undefined;

  function forget(): void {
    const dropped = held;
    held = undefined;
    dropped?.photo.then(
      (photo) => photo.fill(0),
      () => undefined,
    );
  }

  return {
    prefetch() {
      const card = currentCard();
      if (card === undefined || held?.card === card) return;
      forget(); // another insertion's photo: never handed to this card
      const photo = source.read();
      // Nobody may ever ask (PIN chosen, card taken): a failure must not be an unhandled rejection.
      photo.catch(() => undefined);
      held = { card, photo };
    },
    read() {
      const mine = held !== undefined && held.card === currentCard() ? held : undefined;
      if (mine === undefined) {
        forget();
        return source.read();
      }
      held = undefined;
      return mine.photo;
    },
    forget,
  };
}
