import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eraToWestern, westernToEra } from '../../../src/main/cardface/era.js';

describe('和暦 as printed on the card → Western date', () => {
  it('converts the dates a patient has printed on the card', () => {
    expect(eraToWestern({ era: '昭和', eraYear: 55, month: 1, day: 1 })).toEqual({ year: 1980, month: 1, day: 1 });
    expect(eraToWestern({ era: '平成', eraYear: 1, month: 1, day: 8 })).toEqual({ year: 1989, month: 1, day: 8 });
    expect(eraToWestern({ era: '令和', eraYear: 3, month: 12, day: 9 })).toEqual({ year: 2021, month: 12, day: 9 });
    expect(eraToWestern({ era: '大正', eraYear: 15, month: 12, day: 24 })).toEqual({ year: 1926, month: 12, day: 24 });
  });

  it('rejects days outside the era or the calendar, so a misread never becomes a plausible date', () => {
    expect(eraToWestern({ era: '昭和', eraYear: 64, month: 1, day: 8 })).toBeNull(); // already 平成
    expect(eraToWestern({ era: '平成', eraYear: 1, month: 1, day: 7 })).toBeNull(); // still 昭和
    expect(eraToWestern({ era: '令和', eraYear: 1, month: 4, day: 30 })).toBeNull();
    expect(eraToWestern({ era: '昭和', eraYear: 50, month: 2, day: 30 })).toBeNull();
    expect(eraToWestern({ era: '昭和', eraYear: 0, month: 5, day: 1 })).toBeNull();
  });

  it('round-trips every day from 大正 to 令和', () => {
    const start = Date.UTC(1912, 6, 30);
    const end = Date.UTC(2040, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Math.floor((end - start) / 86_400_000) }), (days) => {
        const d = new Date(start + days * 86_400_000);
        const western = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        expect(eraToWestern(westernToEra(western))).toEqual(western);
      }),
    );
  });
});
