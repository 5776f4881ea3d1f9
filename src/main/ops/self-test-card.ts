/**
 * The self-test's card step (セルフテスト：カード読み取り): when a card lies on the reader while
 * the kiosk waits at standby, the PIN-free read the kiosk does at every insertion (which token,
 * then the user-auth certificate checked against the JPKI CAs) runs once more. Never during a
 * patient's visit, and never with a PIN: the card is only asked what any reader may ask.
 */
import { CardChannel } from '../card/card-channel.js';
import { identifyCard, readAuthCertificate, type JpkiTrust } from '../card/jpki.js';
import type { CardReaderSource, ReaderSourceEvent } from '../card/transport.js';

export type CardProbeResult =
  | { readonly outcome: 'read'; readonly ms: number; readonly certificateNotAfter: Date }
  | { readonly outcome: 'skipped'; readonly reason: 'no-card' | 'patient-present' };

/**
 * Which readers hold a card, from the source's own events (a new listener gets the present
 * cards replayed, and the switchable source replays them again after a heal).
 */
export class CardPresence {
  private readonly withCard = new Set<string>();
  private readonly off: () => void;

  constructor(source: Pick<CardReaderSource, 'subscribe'>) {
    this.off = source.subscribe((event) => this.onEvent(event));
  }

  /** A reader with a card on it, if any. */
  reader(): string | undefined {
    return this.withCard.values().next().value;
  }

  close(): void {
    this.off();
  }

  private onEvent(event: ReaderSourceEvent): void {
    if (event.type === 'card-present') this.withCard.add(event.reader);
    else if (event.type === 'card-absent' || event.type === 'reader-removed') this.withCard.delete(event.reader);
    else if (event.type === 'service-down') this.withCard.clear();
  }
}

export interface CardProbeDeps {
  readonly source: Pick<CardReaderSource, 'connect'>;
  readonly presence: Pick<CardPresence, 'reader'>;
  readonly trust: JpkiTrust;
  /** True at standby: nobody's visit can be disturbed. */
  readonly idle: () => boolean;
}

/** Reads the card if one is there and the kiosk is idle. Rejects with the card module's CardError (E-CARD-…). */
export async function probeCard(deps: CardProbeDeps): Promise<CardProbeResult> {
  if (!deps.idle()) return { outcome: 'skipped', reason: 'patient-present' };
  const reader = deps.presence.reader();
  if (reader === undefined) return { outcome: 'skipped', reason: 'no-card' };
  const started = performance.now();
  const transport = await deps.source.connect(reader);
  try {
    const channel = new CardChannel(transport);
    await identifyCard(channel);
    const certificate = await readAuthCertificate(channel, deps.trust);
    return { outcome: 'read', ms: performance.now() - started, certificateNotAfter: certificate.notAfter };
  } finally {
    // UNPOWER, as after every visit: the card is left as the kiosk found it.
    await transport.disconnect();
  }
}
