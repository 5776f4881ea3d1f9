/**
 * 目視 mode with the facility passcode (PRODUCT.md §3.1, issue 8): the first-run wizard sets the
 * passcode; staff switch to 目視 on the method screen, confirm the person, the qualification
 * check runs and the kiosk is back in automatic mode for the next card by itself. Wrong passcodes
 * lock it: after the third, even the right passcode is refused until the lock ends. Before the
 * wizard, patients are already taken (PIN offered) and the 目視 screen says the passcode is not
 * set; after it, IT staff switch a language off and standby stops offering it without a restart.
 */
import { card, ja, test, expect } from './support/flow.js';
import { jaText, runFirstRunWizard, logout, STAFF_PASSCODE, cornerTap } from './ops-support.js';

test('目視: passcode → visual check → confirm → qualification → automatic mode for the next card; wrong ×3 locks the passcode', async ({ patient, records }) => {
  const page = patient.page;
  const languageButton = (language: string) => page.locator(`nav.settings-bar button[lang="${language}"]`);
  await expect(languageButton('vi')).toBeVisible();

  // Patients first: before the wizard a card is taken and PIN offered; only 目視 waits, saying why.
  await card.insert('normal-adult');
  const unset = await patient.sees('method-choice');
  await expect(unset.getByRole('button', { name: ja('method.pin') })).toBeVisible();
  await patient.tap('method.staff');
  await patient.sees('staff-passcode');
  await expect(page.locator('[data-ops="passcode-not-set"]')).toBeVisible({ timeout: 10_000 });
  await patient.takesCard();

  await runFirstRunWizard(page);

  // Languages offered: IT staff switch Vietnamese off; standby stops offering it at once, no restart.
  const settings = page.locator('[data-panel="settings"]');
  await settings.getByRole('checkbox', { name: 'Tiếng Việt', exact: true }).uncheck();
  await settings.getByRole('button', { name: jaText('admin.settings.save') }).click();
  await expect(settings.getByRole('status')).toContainText(jaText('admin.settings.saved'));
  await logout(page);
  await expect(languageButton('en')).toBeVisible();
  await expect(languageButton('vi')).toHaveCount(0);

  // Staff take over on the method screen.
  await card.insert('normal-adult');
  await patient.sees('method-choice');
  await patient.tap('method.staff');
  await patient.sees('staff-passcode');
  await patient.typePin(STAFF_PASSCODE);
  const check = await patient.sees('visual-check');
  await check.getByRole('button', { name: ja('visualCheck.same') }).click();
  await patient.sees('consent-choice');
  await patient.tap('consent.all');
  const done = await patient.sees('done', 25_000);
  await expect(done).toContainText(ja('done.outcome.valid'));
  expect(records.audit()).toContainEqual({ kind: 'session.visual-check', detail: { confirmed: true } });
  await patient.takesCard();

  // The staff panel shows that visit, confirmed by 目視 (visual).
  await cornerTap(page);
  const login = page.locator('main[data-screen="admin-login"]');
  await login.getByRole('radio', { name: jaText('admin.login.staff') }).check();
  await login.getByLabel(`${jaText('admin.login.secret')} /`).fill(STAFF_PASSCODE);
  await login.getByRole('button', { name: jaText('admin.login.submit') }).click();
  const visits = page.locator('[data-list="visits"]');
  await expect(visits.locator('[data-outcome="valid"] [data-method="visual"]')).toHaveCount(1);
  await patient.shot('staff-panel');
  await logout(page);

  // Automatic mode: the next card gets the normal method screen, no 目視 carried over.
  await card.insert('normal-adult');
  const methods = await patient.sees('method-choice');
  await expect(methods.getByRole('button', { name: ja('method.pin') })).toBeVisible();

  // Wrong passcode three times: the screen falls back to "call staff" and the passcode locks.
  await patient.tap('method.staff');
  for (let i = 1; i <= 3; i++) {
    await patient.sees('staff-passcode');
    await patient.typePin('0000');
    if (i < 3) await expect(page.getByText(ja('staffPasscode.wrong', { n: String(i) }))).toBeVisible({ timeout: 15_000 });
  }
  await patient.sees('staff-needed');
  await expect(page.locator('[data-ops="staff-locked"]')).toBeVisible({ timeout: 10_000 });
  await patient.shot('passcode-locked');

  // While locked, the right passcode is refused too.
  await patient.tap('method.staff');
  await patient.sees('staff-passcode');
  await patient.typePin(STAFF_PASSCODE);
  await expect(page.getByText(ja('staffPasscode.wrong', { n: '1' }))).toBeVisible({ timeout: 15_000 });
  const attempts = records
    .audit()
    .filter((r) => r.kind === 'credential-attempt' && r.detail.role === 'staff')
    .map((r) => r.detail.outcome);
  expect(attempts).toEqual(['ok', 'ok', 'wrong', 'wrong', 'wrong', 'locked']);
  await patient.takesCard();
});
