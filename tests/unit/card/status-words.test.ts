import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardError } from '../../../src/main/card/card-error.js';
import { classifyStatus, statusError } from '../../../src/main/card/status-words.js';

describe('status words', () => {
  it('reads tries left from 63Cx and treats 63C0 and 6984 as blocked', () => {
    expect(classifyStatus(0x63c2)).toEqual({ kind: 'pin-wrong', count: 2 });
    expect(classifyStatus(0x63c0).kind).toBe('pin-exhausted');
    expect(classifyStatus(0x6984).kind).toBe('blocked');
    expect(statusError(0x6984, 'VERIFY').reason).toBe('PIN_BLOCKED');
    expect(statusError(0x63c1, 'VERIFY').reason).toBe('PIN_WRONG');
  });

  it('decodes 61xx and 6Cxx counts, with 00 meaning 256', () => {
    expect(classifyStatus(0x6100)).toEqual({ kind: 'more-data', count: 256 });
    expect(classifyStatus(0x6c10)).toEqual({ kind: 'wrong-le', count: 16 });
  });

  it('maps every possible SW to a kind and a typed error carrying a staff code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), (sw) => {
        const meaning = classifyStatus(sw);
        expect(typeof meaning.kind).toBe('string');
        const err = statusError(sw, 'test');
        expect(err).toBeInstanceOf(CardError);
        expect(err.code).toMatch(/^E-CARD-\d{3}$/);
        expect(err.sw).toBe(sw);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('status words outside ISO ranges', () => {
  it('calls an SW1 outside 6x/9x a broken chip', () => {
    expect(statusError(0x1234, 'SELECT').reason).toBe('CARD_BROKEN');
    expect(statusError(0x6a82, 'SELECT').reason).toBe('UNEXPECTED_STATUS');
  });
});
