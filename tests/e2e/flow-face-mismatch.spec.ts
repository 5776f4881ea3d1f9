/**
 * 顔認証 that must fail (PRODUCT.md §3.1 "Face failure offers PIN"): someone else stands before
 * the camera with this card; the real matcher says no, and the patient goes on with the PIN.
 */
import { fakeCameraShowing, ja, pinOf, test, expect } from './support/flow.js';

test.use(fakeCameraShowing('normal-adult', 'different-person'));

test('face mismatch: not matched, then PIN, then the visit completes by PIN', async ({ card, patient, records }) => {
  await card.insert('normal-adult');
  await patient.sees('method-choice');
  await patient.tap('method.face');
  await patient.sees('face');
  const failed = await patient.sees('face-failed', 20_000);
  await expect(failed.getByRole('button', { name: ja('faceFailed.retry') })).toBeVisible();
  await patient.tap('faceFailed.usePin');
  await patient.sees('pin-entry');
  await patient.typePin(pinOf('normal-adult'));
  await patient.sees('consent-choice');
  await patient.tap('consent.all');
  const done = await patient.sees('done', 25_000);
  await expect(done).toContainText(ja('done.method.pin'));

  expect(records.audit()).toContainEqual({ kind: 'session.face-failed', detail: { outcome: 'no-match', attempt: 1 } });
  expect(records.audit()).toContainEqual({ kind: 'session.authenticated', detail: { method: 'pin', purpose: 'confirmation' } });
  await patient.takesCard();
});
