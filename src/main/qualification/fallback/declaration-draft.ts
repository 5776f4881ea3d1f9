/**
 * Starts a 被保険者資格申立書 from what the kiosk already knows, so the patient (or staff) only
 * completes the rest: the card's 券面事項 (name, birth date, sex, address) and, where the card does
 * not carry it, the kana read by OCR or returned by an earlier 資格(無効) answer.
 */
import type { Declaration } from './declaration.js';

/** 券面事項 as read from the card (券面事項入力補助AP), with optional kana from OCR or the service. */
export interface KnownFacts {
  readonly name: string | null;
  readonly birthDate: string | null;
  readonly sex: '1' | '2' | null;
  readonly address: string | null;
  readonly nameKana: string | null;
  /** From a 資格(無効) answer: the old insurer's name, a likely answer for 保険者等名称. */
  readonly lastInsurerName: string | null;
}

/** A declaration being filled in: every field may still be empty. */
export type DeclarationDraft = Partial<Omit<Declaration, 'facility' | 'prefilledFields'>> & Pick<Declaration, 'facility' | 'prefilledFields'>;

export function draftDeclaration(known: KnownFacts, facility: { medicalInstitutionCode: string; todayIso: string }): DeclarationDraft {
  const draft: DeclarationDraft = {
    filledOn: facility.todayIso,
    facility: { medicalInstitutionCode: facility.medicalInstitutionCode, receivedOn: facility.todayIso, contactedOn: null },
    prefilledFields: [],
  };
  const take = <K extends 'name' | 'birthDate' | 'sex' | 'nameKana' | 'insurerName'>(field: K, value: DeclarationDraft[K] | null) => {
    if (value === null || value === undefined) return;
    draft[field] = value;
    draft.prefilledFields.push(field);
  };
  take('name', known.name);
  take('birthDate', known.birthDate);
  take('sex', known.sex);
  take('nameKana', known.nameKana);
  take('insurerName', known.lastInsurerName);
  if (known.address !== null) {
    draft.addresses = [known.address];
    draft.prefilledFields.push('addresses');
  }
  return draft;
}
