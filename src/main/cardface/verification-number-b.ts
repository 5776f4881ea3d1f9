/**
 * 照合番号B (verification number B): the 14-digit key to the card-face AP's photo, made of the
 * birth date YYMMDD, the card's expiry year YYYY and the 4-digit security code printed under the photo.
 *
 * Which year goes into YY is disputed in our sources: the issue text says the Western year, while
 * mynumber-card-apdu.md §5 reports a real test card that needed the year as printed (the era year
 * for 和暦, e.g. 昭和55 → 55). Both are supported; the rule is configuration, never a guess.
 */
import { twoDigits } from './calendar-date.js';
import type { ParsedCardFace } from './card-face-fields.js';

export type BirthYearRule = 'as-printed' | 'western';

export function composeVerificationNumberB(fields: Pick<ParsedCardFace, 'birthDate' | 'printedBirthYear' | 'expiryDate' | 'securityCode'>, rule: BirthYearRule): string {
  const year = rule === 'western' ? fields.birthDate.year : fields.printedBirthYear.year;
  const value = `${twoDigits(year)}${twoDigits(fields.birthDate.month)}${twoDigits(fields.birthDate.day)}${String(fields.expiryDate.year).padStart(4, '0')}${fields.securityCode}`;
  if (!/^\d{14}$/.test(value)) throw new RangeError('照合番号B must be 14 digits');
  return value;
}
