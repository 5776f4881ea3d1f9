/**
 * Real readers through pcscd (npm `pcsclite`): hot-plugged readers, card presence, exclusive T=1
 * connections with one APDU in flight, UNPOWER on disconnect, a deadline on every call, and
 * recovery when pcscd dies or is not running yet (service-down, retry, service-up).
 */
import pcsclite from 'pcsclite';
import { CardError } from './card-error.js';
import { pcscError } from './pcsc-errors.js';
import { DEFAULT_CALL_TIMEOUT_MS, withTimeout, type CardReaderSource, type CardTransport, type ReaderSourceEvent } from './transport.js';

type PcscContext = ReturnType<typeof pcsclite>;
type PcscReader = Parameters<Parameters<PcscContext['on']>[1]>[0] & { name: string };

/** The pcsclite factory; replaceable so tests can play a dying pcscd. */
export type PcscFactory = () => PcscContext;

export interface PcscReaderSourceOptions {
  readonly pcsc?: PcscFactory;
  /** Watch only readers whose name passes (e.g. one vpcd slot in tests). */
  readonly readerFilter?: (name: string) => boolean;
  readonly callTimeoutMs?: number;
  /** Wait before re-opening the PC/SC context after pcscd went away. */
  readonly restartDelayMs?: number;
}

/** Response buffer for short APDUs (256 + SW) and extended ones (65536 + SW). */
const SHORT_RESPONSE = 258;
const EXTENDED_RESPONSE = 65538;

function isExtended(apdu: Uint8Array): boolean {
  return apdu.length >= 7 && apdu[4] === 0x00;
}

export class PcscReaderSource implements CardReaderSource {
  private context: PcscContext | undefined;
  private readonly readersByName = new Map<string, { reader: PcscReader; present: boolean; atr: Uint8Array }>();
  private readonly listeners = new Set<(e: ReaderSourceEvent) => void>();
  private restartTimer: NodeJS.Timeout | undefined;
  /** Set while pcscd is unreachable; replayed to late subscribers. */
  private serviceDown: CardError | undefined;
  private closed = false;

  constructor(private readonly options: PcscReaderSourceOptions = {}) {
    this.open();
  }

  subscribe(listener: (event: ReaderSourceEvent) => void): () => void {
    this.listeners.add(listener);
    if (this.serviceDown) listener({ type: 'service-down', error: this.serviceDown });
    for (const [name, r] of this.readersByName) {
      listener({ type: 'reader-added', reader: name });
      if (r.present) listener({ type: 'card-present', reader: name, atr: r.atr });
    }
    return () => this.listeners.delete(listener);
  }

  readers(): readonly string[] {
    return [...this.readersByName.keys()];
  }

  async connect(name: string): Promise<CardTransport> {
    const entry = this.readersByName.get(name);
    if (!entry) throw new CardError('READER_GONE', name);
    const reader = entry.reader;
    const timeout = this.options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    const protocol = await withTimeout(
      new Promise<number>((resolve, reject) => {
        reader.connect({ share_mode: reader.SCARD_SHARE_EXCLUSIVE, protocol: reader.SCARD_PROTOCOL_T1 }, (err, p) => (err ? reject(pcscError(err, 'connect')) : resolve(p)));
      }),
      timeout,
      () => new CardError('TIMEOUT', `connect ${name}`),
    ).catch((e: unknown) => {
      throw pcscError(e, `connect ${name}`);
    });
    return new PcscTransport(reader, protocol, timeout);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.restartTimer);
    this.listeners.clear();
    this.teardown();
  }

  private open(): void {
    if (this.closed) return;
    try {
      const context = (this.options.pcsc ?? pcsclite)();
      this.context = context;
      context.on('reader', (reader) => this.onReader(reader as PcscReader));
      context.on('error', (err) => this.onServiceError(err));
      if (this.serviceDown) {
        this.serviceDown = undefined;
        this.emit({ type: 'service-up' });
      }
    } catch (err) {
      // pcsclite throws synchronously when pcscd is not running at all.
      this.onServiceError(err);
    }
  }

  private onReader(reader: PcscReader): void {
    const name = reader.name;
    // Every reader pcsclite reports gets an error listener, ignored ones too: when pcscd dies each
    // reader's status thread emits 'error', and one without a listener crashes the process.
    reader.on('error', () => undefined);
    if (this.options.readerFilter && !this.options.readerFilter(name)) return;
    this.readersByName.set(name, { reader, present: false, atr: new Uint8Array(0) });
    this.emit({ type: 'reader-added', reader: name });
    reader.on('status', (status) => {
      const entry = this.readersByName.get(name);
      if (!entry) return;
      const present = (status.state & reader.SCARD_STATE_PRESENT) !== 0 && (status.state & reader.SCARD_STATE_MUTE) === 0;
      // Only the present flag decides. Using pcscd's event counter (high word) to spot a swap
      // between two polls produced false removals mid-read with vpcd under load, so we do not.
      if (present === entry.present) return;
      entry.present = present;
      entry.atr = new Uint8Array(status.atr ?? []);
      this.emit(present ? { type: 'card-present', reader: name, atr: entry.atr } : { type: 'card-absent', reader: name });
    });
    reader.on('end', () => {
      const entry = this.readersByName.get(name);
      if (!entry) return;
      this.readersByName.delete(name);
      if (entry.present) this.emit({ type: 'card-absent', reader: name });
      this.emit({ type: 'reader-removed', reader: name });
    });
  }

  private onServiceError(err: unknown): void {
    if (this.closed) return;
    this.teardown();
    if (!this.serviceDown) {
      this.serviceDown = pcscError(err, 'pcscd');
      this.emit({ type: 'service-down', error: this.serviceDown });
    }
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => this.open(), this.options.restartDelayMs ?? 2_000);
    this.restartTimer.unref();
  }

  private teardown(): void {
    for (const [name, entry] of this.readersByName) {
      if (entry.present) this.emit({ type: 'card-absent', reader: name });
      this.emit({ type: 'reader-removed', reader: name });
      entry.reader.removeAllListeners('status');
    }
    this.readersByName.clear();
    const context = this.context;
    this.context = undefined;
    try {
      context?.close();
    } catch {
      // Closing a context whose daemon is gone can fail; there is nothing left to release.
    }
  }

  private emit(event: ReaderSourceEvent): void {
    for (const l of this.listeners) l(event);
  }
}

/** One connected card: APDUs strictly one at a time, each with a deadline. */
class PcscTransport implements CardTransport {
  private tail: Promise<unknown> = Promise.resolve();
  private dead: CardError | undefined;

  constructor(
    private readonly reader: PcscReader,
    private readonly protocol: number,
    private readonly timeoutMs: number,
  ) {}

  transmit(apdu: Uint8Array): Promise<Uint8Array> {
    const run = this.tail.then(() => this.transmitNow(apdu));
    this.tail = run.catch(() => undefined);
    return run;
  }

  async disconnect(): Promise<void> {
    await this.tail;
    if (this.dead?.reason === 'TIMEOUT') return; // a hung call still owns the handle
    await withTimeout(
      new Promise<void>((resolve) => this.reader.disconnect(this.reader.SCARD_UNPOWER_CARD, () => resolve())),
      this.timeoutMs,
      () => new CardError('TIMEOUT', 'disconnect'),
    ).catch(() => undefined);
  }

  private async transmitNow(apdu: Uint8Array): Promise<Uint8Array> {
    if (this.dead) throw this.dead;
    try {
      return await withTimeout(
        new Promise<Uint8Array>((resolve, reject) => {
          this.reader.transmit(Buffer.from(apdu), isExtended(apdu) ? EXTENDED_RESPONSE : SHORT_RESPONSE, this.protocol, (err, data) => {
            if (err) return reject(pcscError(err, 'transmit'));
            // Every card answer ends in SW1 SW2. Fewer bytes is the link failing, not the card:
            // vpcd answers "success, 0 bytes" when the card is pulled mid-APDU.
            if (data.length < 2) return reject(new CardError('CARD_BROKEN', `transmit: ${data.length}-byte response, no status word`, { transport: true }));
            resolve(new Uint8Array(data));
          });
        }),
        this.timeoutMs,
        () => new CardError('TIMEOUT', 'transmit'),
      );
    } catch (e) {
      const error = pcscError(e, 'transmit');
      if (error.reason !== 'CARD_BROKEN') this.dead = error;
      throw error;
    }
  }
}
