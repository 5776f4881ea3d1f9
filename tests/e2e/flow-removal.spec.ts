/**
 * The card leaves the reader at any moment (ARCHITECTURE.md "Card removal at any moment ends the
 * session cleanly"): the kiosk is back on standby at once, the audit log says where the session
 * ended, and nothing of the unfinished visit is written (no consent, no レセコン file, no queued
 * check). And the opposite: a card left on the reader after the visit keeps the screen and
 * reminds ever more visibly until it is taken.
 */
import config from '../../playwright.config.js';
import { ja, pinOf, test, expect, type KioskRecords, type Patient } from './support/flow.js';

// Chromium's built-in fake camera (a test pattern, no face), so the face screen has a camera and
// keeps searching; launch options are per file (they need their own browser).
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...(config.use?.launchOptions?.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
  permissions: ['camera'],
});

/** Pulls the card on the current screen (`step`) and checks the clean return. */
async function pullCardOn(patient: Patient, records: KioskRecords, step: string): Promise<void> {
  await patient.takesCard();
  expect(records.audit()).toContainEqual({ kind: 'session.session-ended', detail: { reason: 'card-removed', step } });
  expect(records.consents()).toEqual([]);
  expect(records.receipts()).toEqual([]);
  expect(records.pendingCount()).toBe(0);
  expect(records.auditKinds()).not.toContain('session.qualification');
  expect(records.verifyAuditChain()).toMatch(/^audit chain intact/);
}

test('card removed while it is being read', async ({ card, patient, records }) => {
  // The read takes a fraction of a second: the page itself has the card pulled the moment the
  // reading screen appears, which is as early as a patient could.
  let pulled!: Promise<void>;
  const reading = new Promise<void>((resolve) => {
    void patient.page.exposeBinding('pullCard', () => {
      pulled = card.remove();
      resolve();
    });
  });
  await patient.page.evaluate(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('main[data-screen="reading"]')) return;
      observer.disconnect();
      void (window as unknown as { pullCard(): Promise<void> }).pullCard();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await card.insert('normal-adult');
  await reading;
  await pulled;
  // The interrupted read reaches the session only after the removal: straight back to standby
  // from the reading screen, no error screen in between.
  await pullCardOn(patient, records, 'reading');
  const trail = await patient.trail();
  expect(trail).toContain('reading');
  expect(trail).not.toContain('method-choice');
  expect(trail).not.toContain('error');
});

test('card removed halfway through the PIN', async ({ card, patient, records }) => {
  await card.insert('normal-adult');
  await patient.sees('method-choice');
  await patient.tap('method.pin');
  const pin = await patient.sees('pin-entry');
  await patient.typePin(pinOf('normal-adult').slice(0, 2), false);
  await expect(pin.getByLabel(ja('pin.entered', { n: 2, total: 4 }))).toBeVisible();
  await pullCardOn(patient, records, 'pin-entry');
  expect(records.auditKinds()).not.toContain('session.pin-wrong');
  expect(records.auditKinds()).not.toContain('session.authenticated');
});

test('card removed on the consent screens, one item answered', async ({ card, patient, records }) => {
  await card.insert('normal-adult');
  await patient.sees('method-choice');
  await patient.tap('method.pin');
  await patient.sees('pin-entry');
  await patient.typePin(pinOf('normal-adult'));
  await patient.sees('consent-choice');
  await patient.tap('consent.individually');
  const items = await patient.sees('consent-items');
  await items.locator('[data-item="surgery"]').getByRole('button', { name: new RegExp(`${ja('consent.agree')}$`) }).click();
  await expect(items.locator('[data-item="surgery"] [aria-pressed="true"]')).toBeVisible();
  await pullCardOn(patient, records, 'consent-items');
  expect(records.auditKinds()).not.toContain('session.consent');
});

test('card left on the reader after the visit: the screen stays and the reminder grows', async ({ card, patient, records }) => {
  await card.insert('normal-adult');
  await patient.sees('method-choice');
  await patient.tap('method.pin');
  await patient.sees('pin-entry');
  await patient.typePin(pinOf('normal-adult'));
  await patient.sees('consent-choice');
  await patient.tap('consent.all');
  const done = await patient.sees('done', 25_000);
  const reminder = done.locator('[data-reminder-level]');
  await expect(reminder).toHaveAttribute('data-reminder-level', '0');
  await expect(done).not.toContainText(ja('takeCard.stillThere'));
  // One reminder every 10 s (DEFAULT_SESSION_CONFIG.timeoutsMs.reminder); two show the growth.
  await expect(reminder).toHaveAttribute('data-reminder-level', '1', { timeout: 15_000 });
  await expect(done).toContainText(ja('takeCard.stillThere'));
  await patient.shot('done-reminder-1');
  await expect(reminder).toHaveAttribute('data-reminder-level', '2', { timeout: 15_000 });
  await patient.shot('done-reminder-2');
  expect(await patient.trail()).toEqual(expect.arrayContaining(['done']));
  expect((await patient.trail()).at(-1)).toBe('done');
  await patient.takesCard();
  expect(records.receipts()).toHaveLength(1);
});

test('card removed during face capture: standby, camera off', async ({ card, patient, records }) => {
  await card.insert('normal-adult');
  await patient.sees('method-choice');
  await patient.tap('method.face');
  const face = await patient.sees('face');
  await expect(face.locator('.camera-frame[data-camera="live"]')).toBeVisible();
  // A chip-photo read the pull interrupts fails only after the removal has reached the session,
  // so the session ends on the face screen, never on a failed-face screen.
  await pullCardOn(patient, records, 'face');
  expect(await patient.trail()).toContain('face');
  expect(await patient.trail()).not.toContain('face-failed');
  await expect(patient.page.locator('video')).toHaveCount(0);
  expect(records.auditKinds()).not.toContain('session.authenticated');
});
