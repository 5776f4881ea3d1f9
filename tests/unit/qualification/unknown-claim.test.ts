/**
 * 不詳 claim data, each rule quoted from PRODUCT.md §3.5 ③ and the notices it summarises.
 */
import { describe, expect, it } from 'vitest';
import { ageOn, buildUnknownClaim, reexaminationDeadline, specialNoteFor } from '../../../src/main/qualification/fallback/unknown-claim.js';
import type { Declaration } from '../../../src/main/qualification/fallback/declaration.js';
import { DECLARATION } from './declaration-fixture.js';

const options = { claimDate: '2026-12-10', visitDate: '2026-11-26', insurerNumber: '77777777' as const };

describe('不詳 claim', () => {
  it('insurer 77777777, no 記号, insured number 777777777 (9 digits)', () => {
    const claim = buildUnknownClaim(DECLARATION, options);
    expect(claim).toMatchObject({ insurerNumber: '77777777', insuredCardSymbol: null, insuredNumber: '777777777' });
  });

  it('uses 77777779 where the レセコン rejects all 7s (問8)', () => {
    expect(buildUnknownClaim(DECLARATION, { ...options, insurerNumber: '77777779' }).insurerNumber).toBe('77777779');
  });

  it('records 77777777 (8 digits) as the insured number for 後期高齢者', () => {
    const kouki: Declaration = { ...DECLARATION, birthDate: '1945-01-01', insuranceType: 'kouki', insuredRelation: null, employerName: null, chargedShare: '1', declaredShare: '1' };
    expect(buildUnknownClaim(kouki, options).insuredNumber).toBe('77777777');
    const unknownAt80: Declaration = { ...kouki, insuranceType: 'unknown' };
    expect(buildUnknownClaim(unknownAt80, options).insuredNumber).toBe('77777777');
  });

  it('摘要: 不詳 first, then kana, type, insurer, employer, every address, contact and contact date', () => {
    expect(buildUnknownClaim(DECLARATION, options).remarks).toEqual([
      '不詳',
      'ヤマダ ハナコ',
      '健康保険組合',
      '中部電機健康保険組合',
      '中部電機株式会社',
      '東京都千代田区霞が関1-2-2',
      '大阪府大阪市北区中之島1-3-20',
      '03-1234-5678',
      '連絡日 2026-12-03',
    ]);
  });

  it('writes 保険者等名称記載なし / 事業所名記載なし for blank fields (問6)', () => {
    const blank: Declaration = { ...DECLARATION, insuranceType: 'kokuho', insuredRelation: null, insurerName: null, employerName: null };
    const remarks = buildUnknownClaim(blank, options).remarks;
    expect(remarks.slice(2, 5)).toEqual(['国民健康保険', '保険者等名称記載なし', '事業所名記載なし']);
  });

  it('特記事項 by the charged share for 70+ (問5): 3割 26区ア, 2割 29区エ / 41区カ, 1割 42区キ', () => {
    expect(specialNoteFor('3', 72)).toEqual({ code: '26', label: '区ア' });
    expect(specialNoteFor('2', 70)).toEqual({ code: '29', label: '区エ' });
    expect(specialNoteFor('2', 74)).toEqual({ code: '29', label: '区エ' });
    expect(specialNoteFor('2', 75)).toEqual({ code: '41', label: '区カ' });
    expect(specialNoteFor('1', 80)).toEqual({ code: '42', label: '区キ' });
    expect(specialNoteFor('3', 69)).toBeNull();
  });

  it('takes the age on the visit day (birthday boundary)', () => {
    expect(ageOn('1956-11-27', '2026-11-26')).toBe(69);
    expect(ageOn('1956-11-26', '2026-11-26')).toBe(70);
    expect(buildUnknownClaim({ ...DECLARATION, birthDate: '1956-11-26', chargedShare: '2', declaredShare: '2' }, options).specialNote).toEqual({ code: '29', label: '区エ' });
  });

  it('re-examination deadline: the 20th of the month containing the day 6 months after the claim (問4)', () => {
    expect(reexaminationDeadline('2026-12-10')).toBe('2027-06-20');
    expect(reexaminationDeadline('2026-08-31')).toBe('2027-02-20'); // Feb has no 31st: still February
    expect(reexaminationDeadline('2027-06-30')).toBe('2027-12-20');
    expect(reexaminationDeadline('2027-07-01')).toBe('2028-01-20');
    expect(buildUnknownClaim(DECLARATION, options).reexaminationDeadline).toBe('2027-06-20');
  });
});
