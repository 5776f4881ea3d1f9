/**
 * 不詳 claim data (不詳請求), exactly as the claim notices set it (請求事務連絡 2023-07-19 1③ and
 * 疑義解釈 2023-08-03 問4–8, summarised in PRODUCT.md §3.5 ③):
 *  - 保険者番号 77777777, or 77777779 where the レセコン rejects all 7s (問8);
 *  - 記号 not recorded; 番号 777777777 (9 digits), 77777777 (8 digits) for 後期高齢者;
 *  - 摘要 starts with 不詳, then カナ氏名, 保険種別, 保険者等名称, 事業所名, every 住所, 連絡先 and
 *    the date the patient was contacted; a blank 保険者等名称 / 事業所名 is written as
 *    "保険者等名称記載なし" / "事業所名記載なし" (問6);
 *  - 特記事項 from the charged share for patients aged 70 or over (問5): 3割 26区ア;
 *    2割 29区エ (70–74) or 41区カ (75+); 1割 42区キ;
 *  - 再審査等 deadline: the 20th of the month containing the day 6 months after the claim (問4).
 */
import { INSURANCE_TYPES, type Declaration } from './declaration.js';

export type UnknownInsurerNumber = '77777777' | '77777779';

export interface SpecialNote {
  /** 特記事項 code. */
  readonly code: '26' | '29' | '41' | '42';
  readonly label: '区ア' | '区エ' | '区カ' | '区キ';
}

export interface UnknownClaim {
  readonly insurerNumber: UnknownInsurerNumber;
  /** 記号: not recorded. */
  readonly insuredCardSymbol: null;
  readonly insuredNumber: '777777777' | '77777777';
  /** 摘要 lines, first line "不詳". */
  readonly remarks: readonly string[];
  readonly specialNote: SpecialNote | null;
  /** 再審査等の申出期限 (ISO date). */
  readonly reexaminationDeadline: string;
}

/** Age in completed years on `onIso` (both ISO dates). */
export function ageOn(birthIso: string, onIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onIso.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The 20th of the month that contains the day six months after `claimIso`. The day-of-month of
 * "six months after" never moves it out of its month (a missing day falls on that month's last
 * day, 民法 §143), so only the month matters.
 */
export function reexaminationDeadline(claimIso: string): string {
  const [y, m] = claimIso.split('-').map(Number) as [number, number];
  const monthIndex = y * 12 + (m - 1) + 6;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-20`;
}

/** 特記事項 for a 70+ patient by the share charged (問5); null under 70. */
export function specialNoteFor(chargedShare: Declaration['chargedShare'], age: number): SpecialNote | null {
  if (age < 70) return null;
  switch (chargedShare) {
    case '3':
      return { code: '26', label: '区ア' };
    case '2':
      return age >= 75 ? { code: '41', label: '区カ' } : { code: '29', label: '区エ' };
    case '1':
      return { code: '42', label: '区キ' };
  }
}

/**
 * 後期高齢者: declared as such, or "わからない" at 75 or over (everyone 75+ is in 後期高齢者医療
 * except those on public assistance, who would not be making an insurance claim).
 */
function isLatterElderly(d: Declaration, age: number): boolean {
  return d.insuranceType === 'kouki' || (d.insuranceType === 'unknown' && age >= 75);
}

export function buildUnknownClaim(
  d: Declaration,
  options: { claimDate: string; visitDate: string; insurerNumber: UnknownInsurerNumber },
): UnknownClaim {
  const age = ageOn(d.birthDate, options.visitDate);
  const remarks = [
    '不詳',
    d.nameKana,
    INSURANCE_TYPES[d.insuranceType],
    d.insurerName?.trim() || '保険者等名称記載なし',
    d.employerName?.trim() || '事業所名記載なし',
    ...d.addresses,
    d.phone,
    ...(d.facility.contactedOn === null ? [] : [`連絡日 ${d.facility.contactedOn}`]),
  ];
  return {
    insurerNumber: options.insurerNumber,
    insuredCardSymbol: null,
    insuredNumber: isLatterElderly(d, age) ? '77777777' : '777777777',
    remarks,
    specialNote: specialNoteFor(d.chargedShare, age),
    reexaminationDeadline: reexaminationDeadline(options.claimDate),
  };
}
