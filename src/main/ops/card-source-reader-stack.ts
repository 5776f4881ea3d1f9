/**
 * ReaderStack over the card module's CardReaderSource (src/main/card): re-establishing the
 * context means replacing the source with a fresh one, and reconnecting means attaching that
 * source to whoever reads cards (the reader monitor). Works for PcscReaderSource in the kiosk.
 */
import type { CardReaderSource, ReaderSourceEvent } from '../card/transport.js';
import { pcscdAlive } from './pcscd-socket.js';
import type { ReaderStack } from './reader-stack.js';

export interface CardSourceReaderStackOptions {
  /** Opens a new source (and with it a new PC/SC context). */
  readonly createSource: () => CardReaderSource;
  /** Points the reader monitor at the given source. */
  readonly attach: (source: CardReaderSource) => void | Promise<void>;
  readonly socketPath: string;
  /** How long re-establishing waits for the first reader to be listed. */
  readonly settleMs?: number;
}

export class CardSourceReaderStack implements ReaderStack {
  private source: CardReaderSource;
  private unsubscribe: () => void;
  private readonly downListeners = new Set<() => void>();
  private readonly readerWaiters = new Set<() => void>();

  constructor(private readonly options: CardSourceReaderStackOptions) {
    this.source = options.createSource();
    this.unsubscribe = this.source.subscribe((e) => this.onEvent(e));
  }

  /** The source currently in use (for the composition root's first attach). */
  current(): CardReaderSource {
    return this.source;
  }

  readers(): readonly string[] {
    return this.source.readers();
  }

  daemonAlive(): Promise<boolean> {
    return pcscdAlive(this.options.socketPath);
  }

  async reestablish(): Promise<void> {
    this.unsubscribe();
    await this.source.close();
    this.source = this.options.createSource();
    const listed = new Promise<void>((resolve) => {
      const timer = setTimeout(finish, this.options.settleMs ?? 1_000);
      function finish() {
        clearTimeout(timer);
        resolve();
      }
      this.readerWaiters.add(finish);
    });
    this.unsubscribe = this.source.subscribe((e) => this.onEvent(e));
    if (this.source.readers().length === 0) await listed;
    this.readerWaiters.clear();
  }

  async reconnect(): Promise<void> {
    await this.options.attach(this.source);
  }

  onDown(listener: () => void): () => void {
    this.downListeners.add(listener);
    return () => this.downListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.source.close();
  }

  private onEvent(e: ReaderSourceEvent): void {
    if (e.type === 'reader-added') for (const w of [...this.readerWaiters]) w();
    if (e.type === 'service-down' || (e.type === 'reader-removed' && this.source.readers().length === 0)) {
      for (const l of this.downListeners) l();
    }
  }
}
