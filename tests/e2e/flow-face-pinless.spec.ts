/**
 * 顔認証マイナンバーカード (no PIN, PRODUCT.md §3.1): the PIN is never offered, and the face alone
 * confirms the holder.
 */
import { fakeCameraShowing, ja, test, expect } from './support/flow.js';

test.use(fakeCameraShowing('pinless-face', 'same-person'));

test('PIN-less card: face only, no PIN anywhere, the visit completes by face', async ({ card, patient, records }) => {
  await card.insert('pinless-face');
  const methods = await patient.sees('method-choice');
  await expect(methods).toContainText(ja('method.faceOnlyCard'));
  await expect(methods.getByRole('button', { name: ja('method.pin') })).toHaveCount(0);
  await patient.tap('method.face');
  const face = await patient.sees('face');
  await expect(face.getByRole('button', { name: ja('faceFailed.usePin') })).toHaveCount(0);
  await patient.sees('consent-choice', 20_000);
  await patient.tap('consent.all');
  const done = await patient.sees('done', 25_000);
  await expect(done).toContainText(ja('done.method.face'));
  expect(records.audit()).toContainEqual({ kind: 'session.authenticated', detail: { method: 'face', purpose: 'confirmation' } });
  await patient.takesCard();
});
