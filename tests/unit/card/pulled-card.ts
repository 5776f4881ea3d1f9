/** Test helper: a card that is pulled out of its slot right after answering a chosen APDU. */
import type { SmartCard } from '../../../sim/card/smart-card.js';

export class PullableCard implements SmartCard {
  private seen = 0;
  private pullAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly inner: SmartCard,
    private readonly pull: () => void,
  ) {}

  get atr(): Uint8Array {
    return this.inner.atr;
  }

  /** Pull the card right after the k-th APDU from now. */
  pullAfter(k: number): void {
    this.pullAt = this.seen + k;
  }

  powerOn(): void {
    this.inner.powerOn();
  }

  powerOff(): void {
    this.inner.powerOff();
  }

  reset(): void {
    this.inner.reset();
  }

  process(apdu: Uint8Array): Uint8Array {
    const response = this.inner.process(apdu);
    // Once the response is on its way, the card leaves: the next APDU finds no card.
    if (++this.seen === this.pullAt) setImmediate(this.pull);
    return response;
  }
}
