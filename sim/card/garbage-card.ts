/**
 * The broken-chip persona: powers up with a normal ATR, then answers every APDU with junk —
 * deterministic (seeded) so a failing test replays: empty or 1-byte answers, random bytes ending
 * in an SW1 outside ISO's 6x/9x ranges, or stray data.
 */
import { MY_NUMBER_CARD_ATR, type SmartCard } from './smart-card.js';

export class GarbageCard implements SmartCard {
  readonly atr = MY_NUMBER_CARD_ATR;
  private state: number;

  constructor(seed = 0x2545f491) {
    this.state = seed >>> 0 || 1;
  }

  powerOn(): void {}
  powerOff(): void {}
  reset(): void {}

  process(_apdu: Uint8Array): Uint8Array {
    const length = this.next() % 40;
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.next() & 0xff;
    // A valid-looking SW would let a read proceed on junk; keep SW1 outside 6x/9x.
    if (length >= 2) out[length - 2] = 0x10 + (this.next() % 0x40);
    return out;
  }

  /** xorshift32: tiny, seedable, good enough for junk. */
  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
}
