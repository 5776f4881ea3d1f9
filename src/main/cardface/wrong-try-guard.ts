/**
 * Protects the card's 照合番号B retry counter. Whether the card has one, and its limit, is
 * UNCONFIRMED (mynumber-card-apdu.md §5), so assume it exists and is small: at most 2 wrong tries
 * per card insertion, whatever the caller does, and never the same value twice.
 */
import { KioskError } from '../../shared/errors.js';
import { CARDFACE_ERROR_CODES, CARDFACE_ERROR_MESSAGES } from './error-codes.js';

export const MAX_WRONG_TRIES_PER_INSERTION = 2;

export class VerificationBTryGuard {
  private wrongValues = new Set<string>();

  /** A card was inserted (or reinserted): a fresh allowance. */
  cardInserted(): void {
    this.wrongValues = new Set();
  }

  get wrongTries(): number {
    return this.wrongValues.size;
  }

  /** Whether presenting `value` is allowed now. */
  mayTry(value: string): boolean {
    return this.wrongValues.size < MAX_WRONG_TRIES_PER_INSERTION && !this.wrongValues.has(value);
  }

  /**
   * Presents `value` through `present` if allowed; `isWrong` tells a refused 照合番号B from other
   * failures, which are rethrown without counting. Throws E-CFS-005 when not allowed.
   */
  async attempt<T>(value: string, present: (value: string) => Promise<T>, isWrong: (error: unknown) => boolean): Promise<{ ok: true; result: T } | { ok: false }> {
    if (!this.mayTry(value)) throw new KioskError(CARDFACE_ERROR_CODES.VERIFICATION_B_REFUSED, CARDFACE_ERROR_MESSAGES['E-CFS-005']);
    try {
      return { ok: true, result: await present(value) };
    } catch (error) {
      if (!isWrong(error)) throw error;
      this.wrongValues.add(value);
      return { ok: false };
    }
  }
}
