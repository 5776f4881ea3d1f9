/**
 * 同意 (PRODUCT.md §3.3) end to end: the patient's answer on the consent screens reaches the
 * kiosk's consent record, the レセコン result file's consent flags and the audit log, whose
 * chain `npm run audit:verify` checks.
 */
import { ja, pinOf, test, expect } from './support/flow.js';

test('consent all: PIN, 全て同意する, every item recorded and flagged for the レセコン', async ({ card, patient, records }) => {
  await card.insert('normal-adult');
  await patient.sees('method-choice');
  await patient.tap('method.pin');
  await patient.sees('pin-entry');
  await patient.typePin(pinOf('normal-adult'));
  const consent = await patient.sees('consent-choice');
  await expect(consent).toContainText(ja('consent.item.surgery'));
  await patient.tap('consent.all');
  const done = await patient.sees('done', 25_000);
  await expect(done.locator('[data-outcome="valid"]')).toBeVisible();
  await expect(done).toContainText(ja('done.consentSent'));

  expect(records.consents()).toEqual([{ items: ['surgery', 'medication', 'checkup'], prescription: null }]);
  const [receipt] = records.receipts();
  for (const family of ['OperationInfo', 'PharmacistsInfo', 'DiagnosisInfo', 'SpecificHealthCheckupsInfo']) {
    expect(receipt).toContain(`<${family}ConsFlg>1</${family}ConsFlg>`);
  }
  expect(records.audit()).toContainEqual({ kind: 'session.consent', detail: { consent: 'given' } });
  await patient.takesCard();
  expect(records.verifyAuditChain()).toMatch(/^audit chain intact/);
});

test('consent per item: agree to 手術 and 健診, refuse 診療・薬剤; only the agreed items go anywhere', async ({ card, patient, records }) => {
  await card.insert('normal-adult');
  await patient.sees('method-choice');
  await patient.tap('method.pin');
  await patient.sees('pin-entry');
  await patient.typePin(pinOf('normal-adult'));
  await patient.sees('consent-choice');
  await patient.tap('consent.individually');
  const items = await patient.sees('consent-items');
  const confirm = patient.page.getByRole('button', { name: ja('consent.items.confirm') });
  await expect(confirm).toBeDisabled();
  const answer = async (item: string, key: 'consent.agree' | 'consent.disagree') => {
    // A pressed answer gains a ✓ in front of its label.
    const button = items.locator(`[data-item="${item}"]`).getByRole('button', { name: new RegExp(`${ja(key)}$`) });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  };
  await answer('surgery', 'consent.agree');
  await answer('medication', 'consent.disagree');
  await answer('checkup', 'consent.agree');
  await patient.shot('consent-items-answered');
  await confirm.click();
  await patient.sees('done', 25_000);

  expect(records.consents()).toEqual([{ items: ['surgery', 'checkup'], prescription: null }]);
  const [receipt] = records.receipts();
  expect(receipt).toContain('<OperationInfoConsFlg>1</OperationInfoConsFlg>');
  expect(receipt).toContain('<SpecificHealthCheckupsInfoConsFlg>1</SpecificHealthCheckupsInfoConsFlg>');
  expect(receipt).toContain('<PharmacistsInfoConsFlg>0</PharmacistsInfoConsFlg>');
  expect(receipt).toContain('<DiagnosisInfoConsFlg>0</DiagnosisInfoConsFlg>');
  expect(records.audit()).toContainEqual({ kind: 'session.consent', detail: { consent: 'given' } });
  await patient.takesCard();
  expect(records.verifyAuditChain()).toMatch(/^audit chain intact/);
});
