/**
 * A CardReaderSource whose underlying source can be replaced while the reader monitor keeps
 * listening. The reader healer opens a fresh PC/SC context (a new source) after pcscd returns;
 * this hands it to the monitor without rebuilding the monitor and the card link above it. Each
 * listener is re-subscribed to the new source, which replays its readers and cards.
 */
import type { CardReaderSource, CardTransport, ReaderSourceEvent } from '../card/transport.js';

interface Subscription {
  readonly listener: (event: ReaderSourceEvent) => void;
  off: () => void;
}

export class SwitchableReaderSource implements CardReaderSource {
  private readonly subscriptions = new Set<Subscription>();

  constructor(private source: CardReaderSource) {}

  /** The old source is not closed here: its owner (the reader stack) closes it. */
  switchTo(next: CardReaderSource): void {
    this.source = next;
    for (const s of this.subscriptions) {
      s.off();
      s.off = next.subscribe(s.listener);
    }
  }

  subscribe(listener: (event: ReaderSourceEvent) => void): () => void {
    const subscription: Subscription = { listener, off: this.source.subscribe(listener) };
    this.subscriptions.add(subscription);
    return () => {
      subscription.off();
      this.subscriptions.delete(subscription);
    };
  }

  readers(): readonly string[] {
    return this.source.readers();
  }

  connect(reader: string): Promise<CardTransport> {
    return this.source.connect(reader);
  }

  async close(): Promise<void> {
    for (const s of this.subscriptions) s.off();
    this.subscriptions.clear();
  }
}
