/**
 * Every registry case of the seed, confirmed over HTTP through the kiosk's gateway, in PIN mode
 * (card signature over a service nonce).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmed, startHarness, type Harness } from './sim-harness.js';
import { QUALIFICATION_VALIDITY } from '../../../src/main/qualification/validity.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

async function lookUp(personId: string) {
  const gateway = h.gateway();
  const card = h.cards.get(personId)!;
  return confirmed(await gateway.confirm(await h.pinRequest(gateway, card)));
}

describe('qualification simulator registry over HTTP', () => {
  it('有効: returns insurer, 記号・番号・枝番, 本人 and 3割', async () => {
    const r = await lookUp('valid-employee-30');
    expect(r.validity).toBe(QUALIFICATION_VALIDITY.valid);
    expect(r.qualification).toMatchObject({
      insurerNumber: '01130012',
      insurerName: '全国健康保険協会東京支部',
      insuredCardSymbol: '2110',
      insuredIdentificationNumber: '34567',
      insuredBranchNumber: '00',
      personalFamilyClassification: '1',
      partialContributionRatio: '030',
      nameKana: 'ヤマダ タロウ',
      disqualificationDate: null,
    });
  });

  it('有効: 国保 family member with 2割', async () => {
    const r = await lookUp('valid-child-20');
    expect(r.qualification).toMatchObject({ insurerNumber: '270009', personalFamilyClassification: '2', partialContributionRatio: '020' });
  });

  it('有効 with a 限度額 category', async () => {
    expect((await lookUp('valid-limit-a03')).qualification?.limitApplication?.classificationCode).toBe('A03');
  });

  it('高齢受給者: carries the elderly recipient certificate and its share', async () => {
    const r = await lookUp('elderly-recipient-20');
    expect(r.qualification?.elderlyRecipient).toEqual({ contributionRatio: '020', validFrom: '20250801', validTo: '20270731' });
    expect(r.qualification?.limitApplication?.classificationCode).toBe('B04');
  });

  it('後期高齢者: 8-digit insured number, no 記号 or 枝番, 1割 or 3割', async () => {
    const ten = await lookUp('latter-elderly-10');
    expect(ten.qualification).toMatchObject({ insurerNumber: '39011019', insuredCardSymbol: null, insuredBranchNumber: null, insuredIdentificationNumber: '12345678', partialContributionRatio: '010' });
    const thirty = await lookUp('latter-elderly-30');
    expect(thirty.qualification?.partialContributionRatio).toBe('030');
  });

  it('資格(無効): returns the old qualification and the reason of loss', async () => {
    const r = await lookUp('invalid-changed-insurer');
    expect(r.validity).toBe(QUALIFICATION_VALIDITY.invalid);
    expect(r.qualification).toMatchObject({ insurerNumber: '06139954', disqualificationDate: '20250930', reasonOfLoss: '03' });
  });

  it('無効 with a newer qualification registered ahead of its start', async () => {
    const r = await lookUp('invalid-newer-exists');
    expect(r.validity).toBe(QUALIFICATION_VALIDITY.invalidNewerExists);
    expect(r.qualification?.reasonOfLoss).toBe('99');
  });

  it('資格情報なし: no qualification at all', async () => {
    const r = await lookUp('no-qualification');
    expect(r).toMatchObject({ validity: QUALIFICATION_VALIDITY.notFound, qualification: null });
  });

  it('複数該当: one certificate linked to two people', async () => {
    const r = await lookUp('duplicate-a');
    expect(r).toMatchObject({ validity: QUALIFICATION_VALIDITY.multipleMatches, qualification: null, matchCount: 2 });
  });

  it('keeps "●" in names as the service sends them', async () => {
    const r = await lookUp('black-circle-name');
    expect(r.qualification).toMatchObject({ name: '●橋 ●子', nameKana: 'タカハシ ヨウコ' });
  });

  it('有効 (未登録): valid while the insurer-side link is pending', async () => {
    expect((await lookUp('valid-link-pending')).validity).toBe(QUALIFICATION_VALIDITY.validUnregistered);
  });
});
