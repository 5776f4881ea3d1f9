/**
 * Face mode's card step (顔認証の券面読取): scan → 照合番号B → present it to the card (VERIFY, then
 * read the photo). A refused 照合番号B is invisible to the patient and retried once from a fresh
 * scan; after that, or when the front cannot be read, the patient is offered PIN entry or staff
 * 目視 (the caller shows that, with the staff code returned here).
 */
import type { CalendarDate } from './calendar-date.js';
import type { ParsedCardFace } from './card-face-fields.js';
import type { CardFaceReader, CardFaceRejection } from './card-face-reader.js';
import { deriveVerificationB } from './derive-verification-b.js';
import { CARDFACE_ERROR_CODES, type CardFaceErrorCode } from './error-codes.js';
import type { CardFaceScanner } from './scanner.js';
import type { VerificationBTryGuard } from './wrong-try-guard.js';

export interface CardFaceUnlockDeps<T> {
  readonly scanner: CardFaceScanner;
  readonly reader: Pick<CardFaceReader, 'read'>;
  readonly guard: VerificationBTryGuard;
  /** Presents 照合番号B to the card and reads what it unlocks (e.g. kenkaku readCardFace). */
  readonly present: (verificationB: string) => Promise<T>;
  /** True for the card's refusal of a wrong 照合番号B (as opposed to a removed or broken card). */
  readonly isWrongVerificationB: (error: unknown) => boolean;
  readonly today: CalendarDate;
}

export type CardFaceUnlock<T> =
  | { readonly ok: true; readonly result: T; readonly fields: ParsedCardFace; readonly scans: number; readonly wrongTries: number }
  | {
      readonly ok: false;
      /** Offer PIN or 目視. */
      readonly code: CardFaceErrorCode;
      readonly reason: CardFaceRejection | 'wrong-verification-b';
      readonly scans: number;
      readonly wrongTries: number;
    };

export async function unlockWithCardFace<T>(deps: CardFaceUnlockDeps<T>): Promise<CardFaceUnlock<T>> {
  let scans = 0;
  // First attempt may rescan once for readability; the retry after a refusal is one fresh scan.
  for (const maxScans of [2, 1]) {
    const derived = await deriveVerificationB(deps.scanner, deps.reader, { today: deps.today, maxScans });
    scans += derived.scans;
    const wrongTries = deps.guard.wrongTries;
    if (!derived.ok) return { ok: false, code: CARDFACE_ERROR_CODES.FIELDS_UNREADABLE, reason: derived.reason, scans, wrongTries };
    // The same reading again would only spend another try on a value the card already refused.
    if (!deps.guard.mayTry(derived.value)) break;
    const outcome = await deps.guard.attempt(derived.value, deps.present, deps.isWrongVerificationB);
    if (outcome.ok) return { ok: true, result: outcome.result, fields: derived.fields, scans, wrongTries: deps.guard.wrongTries };
  }
  return { ok: false, code: CARDFACE_ERROR_CODES.VERIFICATION_B_REFUSED, reason: 'wrong-verification-b', scans, wrongTries: deps.guard.wrongTries };
}
