import { describe, expect, it } from 'vitest';
import { verificationNumberB } from '../../../src/main/cardface/verification-number-b.js';

describe('照合番号B from the card front', () => {
  it('matches the 14 digits reported from a real test card (昭和55年2月17日, 2035, code 2285)', () => {
    // mynumber-card-apdu.md §5: 1980-02-17 = 昭和55 → 55021720352285.
    const value = verificationNumberB({ birthDate: { year: 1980, month: 2, day: 17 }, printedBirthYear: { calendar: '昭和', year: 55 }, expiryDate: { year: 2035, month: 2, day: 17 }, securityCode: '2285' });
    expect(value).toBe('55021720352285');
  });

  it('uses the Western year for a card printed in 西暦 (foreign resident)', () => {
    const value = verificationNumberB({ birthDate: { year: 1992, month: 7, day: 4 }, printedBirthYear: { calendar: 'western', year: 1992 }, expiryDate: { year: 2029, month: 7, day: 4 }, securityCode: '0417' });
    expect(value).toBe('92070420290417');
  });
});
