/**
 * 照合番号B (verification number B) from the fields read off the card front. The composition
 * (birth YYMMDD + expiry year YYYY + security code) lives once, in src/main/card/collation-number.ts;
 * this only maps the OCR result onto it. Which year YY is follows what the card prints: the era year
 * for 和暦-printed (Japanese nationals'), the Western year for 西暦-printed (foreign residents') cards,
 * as mynumber-card-apdu.md §5 reports from a real card (the issue text says Western: see docs/cardface.md).
 */
import { collationNumberB } from '../card/collation-number.js';
import type { ParsedCardFace } from './card-face-fields.js';

export function verificationNumberB(fields: Pick<ParsedCardFace, 'birthDate' | 'printedBirthYear' | 'expiryDate' | 'securityCode'>): string {
  const { year, month, day } = fields.birthDate;
  return collationNumberB({
    birthDate: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    cardExpiryYear: fields.expiryDate.year,
    securityCode: fields.securityCode,
    nationality: fields.printedBirthYear.calendar === 'western' ? 'foreign' : 'JP',
  });
}
