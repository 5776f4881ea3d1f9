/**
 * 電子証明書の有効期限 (PRODUCT.md §3.2) end to end, with the virtual card's certificate dated
 * relative to today: within three months of expiry the flow goes on after a renewal alert; in the
 * grace period only the qualification is checked (no consent is asked or sent, which the service
 * simulator would refuse); past grace the card cannot be used and the patient is shown the
 * documents that replace it.
 */
import { ja, pinOf, test, expect } from './support/flow.js';

test('renewal alert: 次に進む, then the normal flow with consent', async ({ card, patient, records }) => {
  await card.insert('cert-renewal');
  await patient.sees('method-choice');
  await patient.tap('method.pin');
  await patient.sees('pin-entry');
  await patient.typePin(pinOf('cert-renewal'));
  const notice = await patient.sees('expiry-notice');
  await expect(notice).toContainText(ja('expiry.renewal.title'));
  await expect(notice).toContainText(ja('expiry.whereToRenew'));
  await patient.tap('common.next');
  await patient.sees('consent-choice');
  await patient.tap('consent.all');
  const done = await patient.sees('done', 25_000);
  await expect(done.locator('[data-outcome="valid"]')).toBeVisible();
  expect(records.consents()).toHaveLength(1);
  await patient.takesCard();
});

test('grace period: notice, no consent screen, qualification only', async ({ card, patient, records }) => {
  await card.insert('cert-grace');
  await patient.sees('method-choice');
  await patient.tap('method.pin');
  await patient.sees('pin-entry');
  await patient.typePin(pinOf('cert-grace'));
  const notice = await patient.sees('expiry-notice');
  await expect(notice).toContainText(ja('expiry.grace.title'));
  await expect(notice).toContainText(ja('expiry.grace.noConsent'));
  await patient.tap('common.next');
  const done = await patient.sees('done', 25_000);
  await expect(done.locator('[data-outcome="valid"]')).toBeVisible();
  await expect(done).not.toContainText(ja('done.consentSent'));

  expect(await patient.trail()).not.toContain('consent-choice');
  expect(records.consents()).toEqual([]);
  expect(records.audit()).toContainEqual({ kind: 'session.consent', detail: { consent: 'none' } });
  await patient.takesCard();
});

test('expired past grace: guidance to 資格確認書 / マイナポータル / 資格情報のお知らせ, no check at all', async ({ card, patient, records }) => {
  await card.insert('cert-expired');
  const unusable = await patient.sees('card-unusable');
  await expect(unusable).toContainText(ja('unusable.expired.title'));
  for (const doc of ['qualification-certificate', 'mynaportal-pdf', 'qualification-notice']) {
    await expect(unusable).toContainText(ja(`unusable.alternative.${doc}`));
  }
  await patient.takesCard();

  expect(await patient.trail()).not.toContain('method-choice');
  expect(records.auditKinds()).not.toContain('session.qualification');
  expect(records.receipts()).toEqual([]);
  expect(records.pendingCount()).toBe(0);
});
