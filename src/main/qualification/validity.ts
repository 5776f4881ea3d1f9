/**
 * QualificationValidity (資格有効性) as carried by the レセコン XML, reader-field-guide.md §4.4.
 * The numbers are the wire values; the names are ours.
 */
export const QUALIFICATION_VALIDITY = {
  /** 1: 有効. */
  valid: 1,
  /** 2: 無効 — 資格(無効): the latest qualification is lost; the old one (旧資格) is returned. */
  invalid: 2,
  /** 3: 無効 (新しい資格あり) — the qualification found is lost and a newer one exists. */
  invalidNewerExists: 3,
  /** 4: 該当資格なし — 資格情報なし. */
  notFound: 4,
  /** 5: 複数該当 — several people match. */
  multipleMatches: 5,
  /** 6: 有効 (未登録) — valid, but not yet linked on the insurer side (meaning UNCONFIRMED, see docs). */
  validUnregistered: 6,
} as const;

export type QualificationValidity = (typeof QUALIFICATION_VALIDITY)[keyof typeof QUALIFICATION_VALIDITY];

export function isValidQualification(v: QualificationValidity): boolean {
  return v === QUALIFICATION_VALIDITY.valid || v === QUALIFICATION_VALIDITY.validUnregistered;
}
