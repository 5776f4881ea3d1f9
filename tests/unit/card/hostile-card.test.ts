/**
 * Every kiosk read against a card that answers arbitrary bytes (truncated, oversized, wrong SW,
 * lying length headers): each must end in a value or a CardError after a bounded number of APDUs.
 * And the virtual card must answer any byte string with a response APDU, since vpcd forwards
 * whatever an application sends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardChannel } from '../../../src/main/card/card-channel.js';
import { CardError } from '../../../src/main/card/card-error.js';
import { identifyCard, readAuthCertificate } from '../../../src/main/card/jpki.js';
import { readBasicFour } from '../../../src/main/card/kenhojo.js';
import { readCardFace } from '../../../src/main/card/kenkaku.js';
import { createPersonaCard } from '../../../sim/card/persona-card.js';
import { testTrust } from './in-process.js';

/** Responses that look like a card: a chosen SW with random data, or raw junk. */
const response = fc.oneof(
  fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(0x9000, 0x6100, 0x6c10, 0x63c1, 0x6984, 0x6a82, 0x6b00, 0x6f00)).map(([data, sw]) => Uint8Array.from([...data, sw >> 8, sw & 0xff])),
  // A plausible TLV header claiming a large object, then nothing behind it.
  fc.tuple(fc.constantFrom([0x30, 0x82], [0xff, 0x20, 0x82], [0xff, 0x20, 0x83]), fc.uint8Array({ minLength: 2, maxLength: 3 })).map(([h, len]) => Uint8Array.from([...h, ...len, 0x90, 0x00])),
  fc.uint8Array({ maxLength: 4 }),
);

describe('kiosk reads against a hostile card', () => {
  it('end in a value or a CardError within a bounded number of APDUs', async () => {
    const trust = await testTrust();
    const reads = [
      (ch: CardChannel) => identifyCard(ch),
      (ch: CardChannel) => readAuthCertificate(ch, trust),
      (ch: CardChannel) => readCardFace(ch, '12345678901234'),
      (ch: CardChannel) => readBasicFour(ch, { kind: 'pin', pin: '1234' }),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...reads), fc.array(response, { minLength: 1, maxLength: 40 }), fc.boolean(), async (read, answers, extended) => {
        let i = 0;
        const channel = new CardChannel({ transmit: async () => answers[i++ % answers.length]!, disconnect: async () => undefined }, { extended });
        try {
          await read(channel);
        } catch (e) {
          expect(e).toBeInstanceOf(CardError);
        }
        // Bounded: ≤ 129 chunk reads (15-bit offsets, full chunks only) × ≤ 302 APDUs per command (61xx chain cap).
        expect(channel.apduCount).toBeLessThan(132 * 302);
      }),
      { numRuns: 3_000 },
    );
  });

  it('the virtual card answers any byte string with at least an SW, never throwing', async () => {
    const card = await createPersonaCard('normal-adult');
    card.powerOn();
    const select = Buffer.from('00A4040C0AD392F000260100000001', 'hex');
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 270 }), fc.uint8Array({ minLength: 4, maxLength: 12 }).map((b) => Uint8Array.from([0x00, ...b.subarray(1)]))), (apdu) => {
        card.process(select);
        expect(card.process(apdu).length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 5_000 },
    );
  });
});
