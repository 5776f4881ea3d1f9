import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTlv, readTlv, readTlvHeader, readTlvList } from '../../../src/main/card/ber-tlv.js';
import { CardError } from '../../../src/main/card/card-error.js';

const tag = fc.constantFrom(0x30, 0x90, 0x91, 0xdf21, 0xdf27, 0xff20, 0x7f21, 0x5f37, 0x5f4e);

describe('BER-TLV reader', () => {
  it('reads the §7.3 synthetic basic-4 record offsets and fields', () => {
    const name = Buffer.from('山田　太郎');
    const tlv = readTlv(encodeTlv(0xff20, Uint8Array.from([...encodeTlv(0xdf22, name), ...encodeTlv(0xdf25, Buffer.from('1'))])));
    expect(tlv.tag).toBe(0xff20);
    expect(tlv.constructed).toBe(true);
    const children = readTlvList(tlv.value);
    expect(children.map((c) => c.tag)).toEqual([0xdf22, 0xdf25]);
    expect(Buffer.from(children[0]!.value).toString()).toBe('山田　太郎');
  });

  it('sizes a certificate from its first bytes (30 82 LL LL)', () => {
    expect(readTlvHeader(Uint8Array.of(0x30, 0x82, 0x04, 0xa1))).toMatchObject({ tag: 0x30, headerLength: 4, length: 0x4a1 });
  });

  it('round-trips any tag and value length up to 70,000 bytes', () => {
    fc.assert(
      fc.property(tag, fc.integer({ min: 0, max: 70_000 }), (t, n) => {
        const value = new Uint8Array(n).fill(0xa5);
        const parsed = readTlv(encodeTlv(t, value));
        expect(parsed.tag).toBe(t);
        expect(parsed.value.length).toBe(n);
      }),
      { numRuns: 5_000 },
    );
  });

  it('rejects every truncation of a valid TLV with a CardError', () => {
    fc.assert(
      fc.property(tag, fc.uint8Array({ maxLength: 400 }), fc.nat(), (t, value, cut) => {
        const full = encodeTlv(t, value);
        const truncated = full.subarray(0, cut % full.length);
        expect(() => readTlv(truncated)).toThrow(CardError);
      }),
      { numRuns: 10_000 },
    );
  });

  it('turns arbitrary bytes into TLVs or a CardError, never a crash or an out-of-range value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          for (const t of readTlvList(bytes)) expect(t.end).toBeLessThanOrEqual(bytes.length);
        } catch (e) {
          expect(e).toBeInstanceOf(CardError);
        }
      }),
      { numRuns: 30_000 },
    );
  });
});
