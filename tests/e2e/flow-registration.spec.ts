/**
 * 健康保険証利用登録 at the kiosk (PRODUCT.md §3.4) end to end: an unregistered card is offered the
 * terms, the patient authenticates for registration, the service simulator registers the card,
 * and the visit continues to its result.
 */
import { ja, pinOf, test, expect } from './support/flow.js';

test('unregistered: terms, PIN for registration, registered, then the normal flow', async ({ card, patient, records }) => {
  await card.insert('unregistered');
  const terms = await patient.sees('registration-terms');
  await expect(terms).toContainText(ja('registration.terms.body'));
  await patient.tap('registration.terms.agree');
  const methods = await patient.sees('method-choice');
  await expect(methods).toContainText(ja('method.forRegistration'));
  await patient.tap('method.pin');
  await patient.sees('pin-entry');
  await patient.typePin(pinOf('unregistered'));
  await patient.sees('registration-complete', 20_000);
  await patient.tap('common.next');
  await patient.sees('consent-choice');
  await patient.tap('consent.all');
  const done = await patient.sees('done', 25_000);
  await expect(done.locator('[data-outcome="valid"]')).toBeVisible();

  expect(records.audit()).toContainEqual({ kind: 'session.registration', detail: { ok: true } });
  expect(records.audit()).toContainEqual({ kind: 'session.authenticated', detail: { method: 'pin', purpose: 'registration' } });
  expect(records.receipts()).toHaveLength(1);
  await patient.takesCard();
});
