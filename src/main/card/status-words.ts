/**
 * Status words (ステータスワード) this card family answers, in one table (mynumber-card-apdu.md §4),
 * and their mapping to typed errors. Callers switch on `kind`, never on raw numbers.
 */
import { CardError } from './card-error.js';
import type { CardErrorKey } from './error-codes.js';

export const SW = {
  OK: 0x9000,
  WRONG_LENGTH: 0x6700,
  CHANNEL_UNSUPPORTED: 0x6881,
  SM_UNSUPPORTED: 0x6882,
  SECURITY_NOT_SATISFIED: 0x6982,
  BLOCKED_ISO: 0x6983,
  /** JICSAP "referenced IEF locked": every VERIFY after a key is blocked. */
  BLOCKED: 0x6984,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  NO_CURRENT_EF: 0x6986,
  SM_DATA_MISSING: 0x69fc,
  FILE_NOT_FOUND: 0x6a82,
  RECORD_NOT_FOUND: 0x6a83,
  WRONG_P1P2: 0x6a86,
  DATA_NOT_FOUND: 0x6a88,
  OFFSET_BEYOND_END: 0x6b00,
  INS_UNSUPPORTED: 0x6d00,
  CLA_UNSUPPORTED: 0x6e00,
  NO_DIAGNOSIS: 0x6f00,
  ENV_NOT_SET: 0x66f1,
} as const;

export type StatusKind =
  | 'ok'
  | 'more-data' // 61xx: GET RESPONSE for xx bytes
  | 'wrong-le' // 6Cxx: resend with Le = xx
  | 'pin-wrong' // 63Cx with x > 0
  | 'pin-exhausted' // 63C0: this attempt used the last try, or the key is blocked (empty VERIFY)
  | 'blocked'
  | 'security-not-satisfied'
  | 'conditions-not-satisfied'
  | 'file-not-found'
  | 'record-not-found'
  | 'data-not-found'
  | 'wrong-p1p2'
  | 'offset-beyond-end'
  | 'wrong-length'
  | 'unsupported'
  | 'no-diagnosis'
  | 'unknown';

export interface StatusMeaning {
  readonly kind: StatusKind;
  /** Tries left for 63Cx; bytes available for 61xx; exact Le for 6Cxx. */
  readonly count?: number;
}

const FIXED: ReadonlyMap<number, StatusKind> = new Map<number, StatusKind>([
  [SW.OK, 'ok'],
  [SW.WRONG_LENGTH, 'wrong-length'],
  [SW.CHANNEL_UNSUPPORTED, 'unsupported'],
  [SW.SM_UNSUPPORTED, 'unsupported'],
  [SW.SECURITY_NOT_SATISFIED, 'security-not-satisfied'],
  // 6983 is never reported for this card; treat it as blocked defensively (§4).
  [SW.BLOCKED_ISO, 'blocked'],
  [SW.BLOCKED, 'blocked'],
  [SW.CONDITIONS_NOT_SATISFIED, 'conditions-not-satisfied'],
  [SW.NO_CURRENT_EF, 'file-not-found'],
  [SW.SM_DATA_MISSING, 'unsupported'],
  [SW.FILE_NOT_FOUND, 'file-not-found'],
  [SW.RECORD_NOT_FOUND, 'record-not-found'],
  [SW.WRONG_P1P2, 'wrong-p1p2'],
  [SW.DATA_NOT_FOUND, 'data-not-found'],
  [SW.OFFSET_BEYOND_END, 'offset-beyond-end'],
  [SW.INS_UNSUPPORTED, 'unsupported'],
  [SW.CLA_UNSUPPORTED, 'unsupported'],
  [SW.NO_DIAGNOSIS, 'no-diagnosis'],
  [SW.ENV_NOT_SET, 'unsupported'],
]);

export function classifyStatus(sw: number): StatusMeaning {
  const fixed = FIXED.get(sw);
  if (fixed) return { kind: fixed };
  const sw1 = sw >> 8;
  const low = sw & 0xff;
  if (sw1 === 0x61) return { kind: 'more-data', count: low === 0 ? 256 : low };
  if (sw1 === 0x6c) return { kind: 'wrong-le', count: low === 0 ? 256 : low };
  if ((sw & 0xfff0) === 0x63c0) {
    const tries = sw & 0x0f;
    return tries === 0 ? { kind: 'pin-exhausted', count: 0 } : { kind: 'pin-wrong', count: tries };
  }
  return { kind: 'unknown' };
}

const REASON_BY_KIND: Partial<Record<StatusKind, CardErrorKey>> = {
  'pin-wrong': 'PIN_WRONG',
  'pin-exhausted': 'PIN_BLOCKED',
  blocked: 'PIN_BLOCKED',
};

/** The typed error for a non-9000 status in `context` (e.g. "READ BINARY EF000A"). */
export function statusError(sw: number, context: string): CardError {
  const meaning = classifyStatus(sw);
  // ISO 7816-4 only defines SW1 in 6x and 9x: anything else is a chip answering garbage.
  const sw1 = sw >> 8;
  const valid = (sw1 >= 0x60 && sw1 <= 0x6f) || (sw1 >= 0x90 && sw1 <= 0x9f);
  const reason = valid ? (REASON_BY_KIND[meaning.kind] ?? 'UNEXPECTED_STATUS') : 'CARD_BROKEN';
  return new CardError(reason, `${context}: SW ${sw.toString(16).toUpperCase().padStart(4, '0')} (${meaning.kind})`, { sw });
}
