/**
 * What is printed on the front of a My Number card (券面記載事項), the input the virtual scanner
 * renders from. sim/card personas map onto this through an adapter.
 */
import type { CalendarDate } from '../../src/main/cardface/calendar-date.js';

/** A greyscale picture, 1 byte per pixel, row-major (the chip's photo is greyscale too). */
export interface GreyscalePixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** null: not printed (JIS X 0303 code 9, not applicable). */
export type PrintedSex = '男' | '女' | null;

export interface CardFacePrintedFields {
  /** 氏名 */
  readonly name: string;
  /** 住所, as printed (may wrap onto a second line). */
  readonly address: string;
  /** 生年月日 (Western; the renderer prints it in 和暦 unless `birthPrintedWestern`). */
  readonly birthDate: CalendarDate;
  /** Foreign residents' cards print the birth date in 西暦. */
  readonly birthPrintedWestern: boolean;
  /** 性別 */
  readonly sex: PrintedSex;
  /** 有効期限 (printed in 西暦 with 「まで有効」). */
  readonly expiryDate: CalendarDate;
  /** セキュリティコード: 4 digits printed under the photo. */
  readonly securityCode: string;
  /** 顔写真 */
  readonly photo: GreyscalePixels;
}
