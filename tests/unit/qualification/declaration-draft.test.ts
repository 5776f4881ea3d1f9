import { describe, expect, it } from 'vitest';
import { draftDeclaration } from '../../../src/main/qualification/fallback/declaration-draft.js';
import { parseDeclaration } from '../../../src/main/qualification/fallback/declaration.js';

const facility = { medicalInstitutionCode: '1312345678', todayIso: '2026-11-26' };

describe('declaration draft from the card and OCR', () => {
  it('prefills the card-face facts and marks them as prefilled', () => {
    const draft = draftDeclaration(
      { name: '中村 美咲', birthDate: '1990-09-07', sex: '2', address: '神奈川県横浜市中区日本大通1', nameKana: 'ナカムラ ミサキ', lastInsurerName: '旧商事健康保険組合' },
      facility,
    );
    expect(draft).toMatchObject({
      filledOn: '2026-11-26',
      name: '中村 美咲',
      birthDate: '1990-09-07',
      sex: '2',
      addresses: ['神奈川県横浜市中区日本大通1'],
      nameKana: 'ナカムラ ミサキ',
      insurerName: '旧商事健康保険組合',
      facility: { medicalInstitutionCode: '1312345678', receivedOn: '2026-11-26', contactedOn: null },
    });
    expect(draft.prefilledFields.sort()).toEqual(['addresses', 'birthDate', 'insurerName', 'name', 'nameKana', 'sex']);
  });

  it('leaves unknown facts empty and is not a complete declaration until the patient adds the rest', () => {
    const draft = draftDeclaration({ name: '加藤 誠', birthDate: null, sex: '1', address: null, nameKana: null, lastInsurerName: null }, facility);
    expect(draft.prefilledFields).toEqual(['name', 'sex']);
    expect(() => parseDeclaration(draft)).toThrow(/birthDate/);
    const completed = parseDeclaration({
      ...draft,
      birthDate: '2000-02-29',
      nameKana: 'カトウ マコト',
      addresses: ['広島県広島市中区基町10-52'],
      postNumber: null,
      phone: '082-000-0000',
      insuranceType: 'kokuho',
      insuredRelation: null,
      insurerName: null,
      employerName: null,
      declaredShare: '3',
      chargedShare: '3',
      completedBy: 'staff',
    });
    expect(completed.prefilledFields).toEqual(['name', 'sex']);
  });
});
