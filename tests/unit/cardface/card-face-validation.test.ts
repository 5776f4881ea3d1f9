import { describe, expect, it } from 'vitest';
import type { ParsedCardFace } from '../../../src/main/cardface/card-face-fields.js';
import { confidenceOf, validateCardFace } from '../../../src/main/cardface/card-face-validation.js';

const TODAY = { year: 2026, month: 11, day: 26 };
const sure = { era: 1, birthYear: 1, birthMonthDay: 1, expiryYear: 1, expiryMonthDay: 1, securityCode: 1 };

function fields(birth: string, expiry: string, evidence = sure): ParsedCardFace {
  const [by = 0, bm = 0, bd = 0] = birth.split('-').map(Number);
  const [ey = 0, em = 0, ed = 0] = expiry.split('-').map(Number);
  return { birthDate: { year: by, month: bm, day: bd }, printedBirthYear: { calendar: 'western', year: by }, expiryDate: { year: ey, month: em, day: ed }, securityCode: '1234', sex: null, evidence };
}

describe('plausibility of the fields read off the card', () => {
  it('accepts a consistent card', () => {
    expect(validateCardFace(fields('1980-02-17', '2035-02-17'), TODAY)).toEqual({ rejection: null, confidence: 1 });
  });

  it('rejects impossible or implausible dates', () => {
    expect(validateCardFace(fields('2027-01-01', '2032-01-01'), TODAY).rejection).toBe('birth-date-implausible');
    expect(validateCardFace(fields('1890-05-05', '2030-05-05'), TODAY).rejection).toBe('birth-date-implausible');
    expect(validateCardFace(fields('1980-02-31', '2035-02-17'), TODAY).rejection).toBe('birth-date-implausible');
    expect(validateCardFace(fields('1980-02-17', '2045-02-17'), TODAY).rejection).toBe('expiry-invalid');
    expect(validateCardFace(fields('1980-02-17', '2015-02-17'), TODAY).rejection).toBe('expiry-invalid');
  });

  it('rejects an expiry that is not the holder\'s birthday (a misread month or day)', () => {
    expect(validateCardFace(fields('1980-02-17', '2035-02-11'), TODAY).rejection).toBe('expiry-not-on-birthday');
    expect(validateCardFace(fields('1980-02-29', '2035-03-01'), TODAY).rejection).toBeNull();
  });

  it('rejects weak readings, letting month/day agreement lift the weaker of the two copies', () => {
    const weakYear = { ...sure, expiryYear: 0.6 };
    expect(validateCardFace(fields('1980-02-17', '2035-02-17', weakYear), TODAY).rejection).toBe('low-confidence');
    expect(confidenceOf({ ...sure, expiryMonthDay: 0.5 }, true)).toBe(1);
    expect(confidenceOf({ ...sure, expiryMonthDay: 0.5 }, false)).toBe(0.5);
  });
});
