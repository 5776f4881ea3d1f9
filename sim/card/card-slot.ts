/**
 * One virtual reader slot: holds at most one card and tells its links about inserts and removals.
 * Inserting powers nothing: the reader side (vpcd or the in-process source) powers the card.
 */
import type { SmartCard } from './smart-card.js';

export class CardSlot {
  private card: SmartCard | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(readonly name: string) {}

  current(): SmartCard | undefined {
    return this.card;
  }

  insert(card: SmartCard): void {
    this.card = card;
    this.notify();
  }

  remove(): void {
    if (!this.card) return;
    this.card.powerOff();
    this.card = undefined;
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
