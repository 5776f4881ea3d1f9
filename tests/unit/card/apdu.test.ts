import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCommand, decodeResponse, encodeCommand, encodeResponse, type CommandApdu } from '../../../src/main/card/apdu.js';
import { CardError } from '../../../src/main/card/card-error.js';

const command = fc.record(
  {
    cla: fc.integer({ min: 0, max: 255 }),
    ins: fc.integer({ min: 0, max: 255 }),
    p1: fc.integer({ min: 0, max: 255 }),
    p2: fc.integer({ min: 0, max: 255 }),
    data: fc.uint8Array({ minLength: 1, maxLength: 600 }),
    le: fc.integer({ min: 1, max: 65536 }),
  },
  { requiredKeys: ['cla', 'ins', 'p1', 'p2'] },
);

function normalise(c: CommandApdu): CommandApdu {
  return { cla: c.cla, ins: c.ins, p1: c.p1, p2: c.p2, ...(c.data ? { data: Uint8Array.from(c.data) } : {}), ...(c.le !== undefined ? { le: c.le } : {}) };
}

describe('APDU codec', () => {
  it('encodes the §15 quick-reference commands byte for byte', () => {
    const selectJpki = encodeCommand({ cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: Buffer.from('D392F000260100000001', 'hex') });
    expect(Buffer.from(selectJpki).toString('hex')).toBe('00a4040c0ad392f000260100000001');
    expect(Buffer.from(encodeCommand({ cla: 0, ins: 0xb0, p1: 0x8a, p2: 0, le: 256 })).toString('hex')).toBe('00b08a0000');
    expect(Buffer.from(encodeCommand({ cla: 0, ins: 0x20, p1: 0, p2: 0x98 })).toString('hex')).toBe('00200098');
    // Extended Le without data: 00 LL LL after the header; 65536 is 00 00.
    expect(Buffer.from(encodeCommand({ cla: 0, ins: 0xb0, p1: 0x8a, p2: 0, le: 65536 })).toString('hex')).toBe('00b08a00000000');
  });

  it('round-trips every command through encode and decode (short and extended)', () => {
    fc.assert(
      fc.property(command, fc.boolean(), (cmd, extended) => {
        const decoded = decodeCommand(encodeCommand(cmd, { extended }));
        expect(normalise(decoded)).toEqual(normalise(cmd));
      }),
      { numRuns: 20_000 },
    );
  });

  it('turns any byte string into a command or a CardError, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const cmd = decodeCommand(bytes);
          expect(cmd.cla).toBe(bytes[0]);
        } catch (e) {
          expect(e).toBeInstanceOf(CardError);
          expect((e as CardError).reason).toBe('CARD_BROKEN');
        }
      }),
      { numRuns: 25_000 },
    );
  });

  it('splits responses into data and SW, and rejects responses shorter than 2 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 0, max: 0xffff }), (data, sw) => {
        const r = decodeResponse(encodeResponse(data, sw));
        expect(r.sw).toBe(sw);
        expect(Buffer.from(r.data).equals(Buffer.from(data))).toBe(true);
      }),
      { numRuns: 10_000 },
    );
    expect(() => decodeResponse(Uint8Array.of(0x90))).toThrow(CardError);
  });
});
