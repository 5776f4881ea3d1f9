/**
 * 照合番号B (collation number B): the 14 digits printed-card-face data unlock 券面事項確認AP and
 * 入力補助AP with. It is birth date YYMMDD + card expiry year YYYY + the 4-digit security code
 * (セキュリティコード) printed under the photo (§5). The YY is the Japanese-era year (和暦) for
 * Japanese nationals, which is how the card face prints it; for foreign residents the card face
 * prints the Gregorian date and we use its last two digits (UNCONFIRMED, see docs/card.md).
 */
import { CardError } from './card-error.js';

export interface CardFacePrintedFields {
  /** ISO date YYYY-MM-DD, as read from the card face. */
  readonly birthDate: string;
  /** Gregorian year printed in the card expiry (有効期限). */
  readonly cardExpiryYear: number;
  /** 4 digits printed under the photo. */
  readonly securityCode: string;
  /** 日本国籍 or not: decides the era-year rule. */
  readonly nationality: 'JP' | 'foreign';
}

/** Era start dates (元号の初日), newest first. */
const ERAS: readonly { readonly start: string; readonly firstYear: number }[] = [
  { start: '2019-05-01', firstYear: 2019 }, // 令和
  { start: '1989-01-08', firstYear: 1989 }, // 平成
  { start: '1926-12-25', firstYear: 1926 }, // 昭和
  { start: '1912-07-30', firstYear: 1912 }, // 大正
  { start: '1868-01-25', firstYear: 1868 }, // 明治
];

/** Japanese-era year number (1 = 元年) of an ISO date. */
export function eraYear(isoDate: string): number {
  const era = ERAS.find((e) => isoDate >= e.start);
  if (!era) throw new CardError('COLLATION_REJECTED', `date before 明治: ${isoDate}`);
  return Number(isoDate.slice(0, 4)) - era.firstYear + 1;
}

export function collationNumberB(fields: CardFacePrintedFields): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.birthDate)) throw new CardError('COLLATION_REJECTED', 'birth date not YYYY-MM-DD');
  if (!/^\d{4}$/.test(fields.securityCode)) throw new CardError('COLLATION_REJECTED', 'security code not 4 digits');
  if (!Number.isInteger(fields.cardExpiryYear) || fields.cardExpiryYear < 2000 || fields.cardExpiryYear > 9999) {
    throw new CardError('COLLATION_REJECTED', 'card expiry year out of range');
  }
  const year = fields.nationality === 'JP' ? eraYear(fields.birthDate) : Number(fields.birthDate.slice(0, 4));
  const yy = String(year % 100).padStart(2, '0');
  const mmdd = fields.birthDate.slice(5, 7) + fields.birthDate.slice(8, 10);
  return `${yy}${mmdd}${fields.cardExpiryYear}${fields.securityCode}`;
}
