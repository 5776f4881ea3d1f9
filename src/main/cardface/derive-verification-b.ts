/**
 * Scan the card front and read 照合番号B from it, rescanning at most once when the first picture
 * could not be read with confidence. Every picture is wiped as soon as it has been read.
 */
import type { CalendarDate } from './calendar-date.js';
import type { ParsedCardFace } from './card-face-fields.js';
import type { CardFaceReader, CardFaceRejection } from './card-face-reader.js';
import { wipeImage } from './image.js';
import type { CardFaceScanner } from './scanner.js';
import { verificationNumberB } from './verification-number-b.js';

export type DerivedVerificationB =
  | { readonly ok: true; readonly value: string; readonly fields: ParsedCardFace; readonly confidence: number; readonly scans: number }
  | { readonly ok: false; readonly reason: CardFaceRejection; readonly confidence: number; readonly scans: number };

export interface DeriveOptions {
  readonly today: CalendarDate;
  /** Pictures to take at most: 2 = one rescan. */
  readonly maxScans?: number;
}

export async function deriveVerificationB(scanner: CardFaceScanner, reader: Pick<CardFaceReader, 'read'>, options: DeriveOptions): Promise<DerivedVerificationB> {
  const maxScans = options.maxScans ?? 2;
  let last: DerivedVerificationB = { ok: false, reason: 'no-text', confidence: 0, scans: 0 };
  for (let scans = 1; scans <= maxScans; scans++) {
    const image = await scanner.capture();
    try {
      const reading = await reader.read(image, options.today);
      if (reading.ok) return { ok: true, value: verificationNumberB(reading.fields), fields: reading.fields, confidence: reading.confidence, scans };
      last = { ok: false, reason: reading.reason, confidence: reading.confidence, scans };
    } finally {
      wipeImage(image);
    }
  }
  return last;
}
