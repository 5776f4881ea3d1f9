/**
 * 顔認証 that works (PRODUCT.md §3.1): the card holder, seen by the camera another way than in the
 * chip photo, is matched by the real face pipeline on frames the renderer sends, with the countdown
 * in sight; the visit goes on to its result with "face" as the method.
 */
import { fakeCameraShowing, ja, test, expect } from './support/flow.js';

test.use(fakeCameraShowing('normal-adult', 'same-person'));

test('face match: the holder is recognised and the visit completes by face', async ({ card, patient, records }) => {
  await card.insert('normal-adult');
  await patient.sees('method-choice');
  await patient.tap('method.face');
  const face = await patient.sees('face');
  await expect(face.locator('.camera-frame[data-camera="live"]')).toBeVisible();
  const countdown = face.locator('[data-seconds-left]');
  await expect(countdown).toBeVisible();
  expect(Number(await countdown.getAttribute('data-seconds-left'))).toBeGreaterThan(0);
  await patient.sees('consent-choice', 20_000);
  await patient.tap('consent.all');
  const done = await patient.sees('done', 25_000);
  await expect(done.locator('[data-outcome="valid"]')).toBeVisible();
  await expect(done).toContainText(ja('done.method.face'));

  expect(records.audit()).toContainEqual({ kind: 'session.authenticated', detail: { method: 'face', purpose: 'confirmation' } });
  expect(records.auditKinds()).not.toContain('session.face-failed');
  await patient.takesCard();
});
