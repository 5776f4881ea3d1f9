/**
 * A reader source whose readers are in-process slots holding a virtual card (demo mode, unit
 * tests). Same contract as PC/SC: presence events, exclusive connect, power-down on disconnect,
 * and CARD_REMOVED when the card leaves mid-session.
 */
import { CardError } from './card-error.js';
import type { CardReaderSource, CardTransport, ReaderSourceEvent } from './transport.js';

/** What a slot holds: structurally the simulator's SmartCard, without importing the simulator. */
export interface InProcessCard {
  readonly atr: Uint8Array;
  powerOn(): void;
  powerOff(): void;
  process(apdu: Uint8Array): Uint8Array;
}

export interface InProcessSlot {
  readonly name: string;
  current(): InProcessCard | undefined;
  /** Called after every insert or remove. */
  subscribe(listener: () => void): () => void;
}

export class InProcessReaderSource implements CardReaderSource {
  private readonly listeners = new Set<(e: ReaderSourceEvent) => void>();
  private readonly unsubscribeSlots: (() => void)[];
  private readonly present = new Map<string, InProcessCard | undefined>();

  constructor(private readonly slots: readonly InProcessSlot[]) {
    for (const slot of slots) this.present.set(slot.name, slot.current());
    this.unsubscribeSlots = slots.map((slot) => slot.subscribe(() => this.onSlotChange(slot)));
  }

  subscribe(listener: (event: ReaderSourceEvent) => void): () => void {
    this.listeners.add(listener);
    for (const slot of this.slots) {
      listener({ type: 'reader-added', reader: slot.name });
      const card = slot.current();
      if (card) listener({ type: 'card-present', reader: slot.name, atr: card.atr });
    }
    return () => this.listeners.delete(listener);
  }

  readers(): readonly string[] {
    return this.slots.map((s) => s.name);
  }

  async connect(reader: string): Promise<CardTransport> {
    const slot = this.slots.find((s) => s.name === reader);
    if (!slot) throw new CardError('READER_GONE', reader);
    const card = slot.current();
    if (!card) throw new CardError('CARD_REMOVED', `no card in ${reader}`);
    card.powerOn();
    let open = true;
    const stillThere = () => open && slot.current() === card;
    return {
      transmit: async (apdu) => {
        // Yield like real I/O would, so removal between APDUs is observable.
        await new Promise((resolve) => setImmediate(resolve));
        if (!stillThere()) throw new CardError('CARD_REMOVED', reader);
        return card.process(apdu);
      },
      disconnect: async () => {
        if (stillThere()) card.powerOff();
        open = false;
      },
    };
  }

  async close(): Promise<void> {
    for (const unsubscribe of this.unsubscribeSlots) unsubscribe();
    this.listeners.clear();
  }

  private onSlotChange(slot: InProcessSlot): void {
    const before = this.present.get(slot.name);
    const now = slot.current();
    if (before === now) return;
    this.present.set(slot.name, now);
    if (before) this.emit({ type: 'card-absent', reader: slot.name });
    if (now) this.emit({ type: 'card-present', reader: slot.name, atr: now.atr });
  }

  private emit(event: ReaderSourceEvent): void {
    for (const l of this.listeners) l(event);
  }
}
