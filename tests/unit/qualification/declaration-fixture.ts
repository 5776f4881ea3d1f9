/** A complete 被保険者資格申立書 as a patient at the kiosk would give it. */
import type { Declaration } from '../../../src/main/qualification/fallback/declaration.js';

export const DECLARATION: Declaration = {
  filledOn: '2026-11-26',
  name: '山田 花子',
  nameKana: 'ヤマダ ハナコ',
  birthDate: '1980-04-01',
  sex: '2',
  addresses: ['東京都千代田区霞が関1-2-2', '大阪府大阪市北区中之島1-3-20'],
  postNumber: '100-8916',
  phone: '03-1234-5678',
  insuranceType: 'kumiai',
  insuredRelation: 'self',
  insurerName: '中部電機健康保険組合',
  employerName: '中部電機株式会社',
  declaredShare: '3',
  chargedShare: '3',
  prefilledFields: ['name', 'birthDate', 'sex', 'addresses'],
  completedBy: 'patient',
  facility: { medicalInstitutionCode: '1312345678', receivedOn: '2026-11-26', contactedOn: '2026-12-03' },
};
