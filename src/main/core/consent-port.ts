/**
 * The consent port (同意): the 24-hour consent store, keyed by the card on the reader. The key is
 * the SHA-256 of the certificate DER (InsertedCard.subjectKey), so the database never holds a name
 * or a My Number, and a renewed certificate is a new subject (asked again, as a new card is).
 */
import type { ConsentItem } from '../../shared/snapshot.js';
import type { ConsentStore } from '../store/consents.js';
import type { ConsentPort } from './effect-runner.js';
import type { InsertedCard } from './card-port.js';

export function createConsentPort(store: ConsentStore, currentCard: () => InsertedCard | undefined, now: () => Date): ConsentPort {
  return {
    latestGrantedAt() {
      const card = currentCard();
      if (card === undefined) return null;
      const consent = store.validAt(card.subjectKey, now().getTime());
      return consent === undefined ? null : new Date(consent.givenAtMs);
    },
    record(items, at) {
      const card = currentCard();
      // The card left between the answer and this effect: there is nobody to record it for.
      if (card === undefined) return;
      store.record({ subjectKey: card.subjectKey, givenAtMs: at.getTime(), items: agreedItems(items), prescription: null });
    },
  };
}

/** Items answered "yes"; a refused item is simply absent (as the store and the service expect). */
export function agreedItems(items: Readonly<Partial<Record<ConsentItem, boolean>>>): ConsentItem[] {
  return (Object.entries(items) as [ConsentItem, boolean | undefined][]).filter(([, agreed]) => agreed === true).map(([item]) => item);
}
