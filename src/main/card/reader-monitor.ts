/**
 * The reader monitor: watches a CardReaderSource and turns every insertion into exactly one
 * outcome — `card-read` (token + chain-checked certificate, no PIN) or `card-error` with a staff
 * code — and every removal into `card-removed`. Nothing it does can throw into the caller: a
 * broken chip, a card pulled between two APDUs, a vanished reader or a dead pcscd all end as
 * events, and the reader is ready for the next card. Per card the order is fixed: card-inserted,
 * then card-read or card-error, then card-removed.
 */
import { hex } from './apdu.js';
import { CardChannel, type ChannelOptions } from './card-channel.js';
import { CardError } from './card-error.js';
import { isWithinGrace, graceLastDay } from './certificate-grace.js';
import { CARD_ERRORS } from './error-codes.js';
import { identifyCard, readAuthCertificate, type JpkiTrust } from './jpki.js';
import type { CardFaceOptions } from './kenkaku.js';
import { CardSession, explainRemoval } from './card-session.js';
import type { CardErrorInfo, ReaderEvent } from './reader-events.js';
import { DEFAULT_CALL_TIMEOUT_MS, withTimeout, type CardReaderSource, type ReaderSourceEvent } from './transport.js';

export interface ReaderMonitorOptions {
  readonly trust: JpkiTrust;
  readonly channel?: ChannelOptions;
  readonly cardFace?: CardFaceOptions;
  /** Deadline for connecting; each APDU has the transport's own timeout. */
  readonly connectTimeoutMs?: number;
  readonly now?: () => Date;
}

interface ReaderState {
  /** Bumped on every insert/remove, so a read that finishes after its card left emits nothing. */
  generation: number;
  session: CardSession | undefined;
  /** Reads of one reader run one after another. */
  tail: Promise<void>;
  /** The generation whose card-removed went out last: cards of older generations are reported gone. */
  reportedRemoval: number;
}

export function toErrorInfo(error: unknown): CardErrorInfo {
  const reason = error instanceof CardError ? error.reason : 'CARD_BROKEN';
  return { reason, code: CARD_ERRORS[reason].code, message: CARD_ERRORS[reason].message };
}

export class ReaderMonitor {
  private readonly listeners = new Set<(e: ReaderEvent) => void>();
  private readonly states = new Map<string, ReaderState>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly source: CardReaderSource,
    private readonly options: ReaderMonitorOptions,
  ) {}

  /** Start watching; events for readers and cards already present are emitted too. */
  start(): void {
    if (!this.unsubscribe) this.unsubscribe = this.source.subscribe((e) => this.onSourceEvent(e));
  }

  on(listener: (event: ReaderEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await Promise.all([...this.states.values()].map(async (s) => {
      await s.tail;
      await s.session?.end();
    }));
    this.listeners.clear();
  }

  private state(reader: string): ReaderState {
    let s = this.states.get(reader);
    if (!s) {
      s = { generation: 0, session: undefined, tail: Promise.resolve(), reportedRemoval: 0 };
      this.states.set(reader, s);
    }
    return s;
  }

  private onSourceEvent(e: ReaderSourceEvent): void {
    switch (e.type) {
      case 'reader-added':
        this.state(e.reader);
        this.emit({ type: 'reader-added', reader: e.reader });
        return;
      case 'reader-removed':
        this.dropCard(e.reader);
        this.states.delete(e.reader);
        this.emit({ type: 'reader-removed', reader: e.reader });
        return;
      case 'card-present': {
        const s = this.state(e.reader);
        const generation = ++s.generation;
        this.emit({ type: 'card-inserted', reader: e.reader, atrHex: hex(e.atr) });
        s.tail = s.tail.then(() => this.readCard(e.reader, generation));
        return;
      }
      case 'card-absent': {
        this.dropCard(e.reader);
        // After the interrupted read (if any) has reported, so card-removed is always the last word.
        const s = this.state(e.reader);
        const gone = s.generation;
        s.tail = s.tail.then(() => {
          this.emit({ type: 'card-removed', reader: e.reader });
          s.reportedRemoval = gone;
        });
        return;
      }
      case 'service-down':
        for (const reader of this.states.keys()) this.dropCard(reader);
        this.emit({ type: 'service-down', error: toErrorInfo(e.error) });
        return;
      case 'service-up':
        this.emit({ type: 'service-up' });
    }
  }

  private dropCard(reader: string): void {
    const s = this.states.get(reader);
    if (!s) return;
    s.generation++;
    const session = s.session;
    s.session = undefined;
    if (session) void session.end();
  }

  private async readCard(reader: string, generation: number): Promise<void> {
    const s = this.state(reader);
    const removed = () => this.emit({ type: 'card-error', reader, error: toErrorInfo(new CardError('CARD_REMOVED')) });
    // Every card-inserted gets exactly one card-read or card-error, even a card gone before we began.
    if (s.generation !== generation) return removed();
    let channel: CardChannel | undefined;
    try {
      const removedWithin = (ms: number) => this.removedWithin(s, generation, ms);
      // A card pulled while it is being powered up fails the connect (unresponsive card) first.
      const transport = await withTimeout(this.source.connect(reader), this.options.connectTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS, () => new CardError('TIMEOUT', `connect ${reader}`)).catch(
        (e: unknown) => explainRemoval(e, removedWithin),
      );
      channel = new CardChannel(transport, this.options.channel);
      const ch = channel;
      await identifyCard(ch).catch((e: unknown) => explainRemoval(e, removedWithin));
      const cert = await readAuthCertificate(ch, this.options.trust).catch((e: unknown) => explainRemoval(e, removedWithin));
      const now = this.options.now?.() ?? new Date();
      if (!isWithinGrace(cert.notAfter, now)) throw new CardError('CERT_EXPIRED', `notAfter ${cert.notAfter.toISOString()}`);
      if (s.generation !== generation) {
        await channel.disconnect();
        return removed();
      }
      const { publicKey, ...certificate } = cert;
      // After the read, a failing operation waits for card-removed itself to have gone out, so
      // listeners (the session) learn of the removal before they learn of the failure.
      const session = new CardSession(channel, publicKey, this.options.cardFace, (ms) => this.removalReportedWithin(s, generation, ms));
      s.session = session;
      this.emit({
        type: 'card-read',
        reader,
        facts: { token: 'my-number-card', certificate, graceLastDay: graceLastDay(cert.notAfter), apdus: channel.apduCount },
        session,
      });
    } catch (error) {
      await channel?.disconnect().catch(() => undefined);
      // A card that left mid-read reports the interruption, whatever the failed APDU looked like.
      if (s.generation !== generation) return removed();
      this.emit({ type: 'card-error', reader, error: toErrorInfo(error) });
    }
  }

  /** Wait up to `ms` for the card of `generation` to be reported removed. */
  private async removedWithin(s: ReaderState, generation: number, ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (s.generation === generation && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    return s.generation !== generation;
  }

  /** Wait up to `ms` for card-removed of the card of `generation` to have been emitted. */
  private async removalReportedWithin(s: ReaderState, generation: number, ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (s.reportedRemoval <= generation && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    return s.reportedRemoval > generation;
  }

  private emit(event: ReaderEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A listener's bug must not stop the monitor or other listeners.
      }
    }
  }
}
