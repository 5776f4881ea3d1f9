/**
 * 診断画面 end to end with a pcscd of the test's own (so the machine's pcscd, which other tests
 * use, is never touched): the reader check is green, turns red with a healing state while pcscd
 * is dead, and green again once it is back, with the last error kept for staff to see. Then the
 * self-test: each step's outcome on the page.
 */
import { test, expect } from '@playwright/test';
import { lockVpcdSlot } from '../integration/support/pcscd.js';
import { PrivatePcscd } from '../integration/ops/private-pcscd.js';
import { Patient } from './support/flow.js';
import { jaText, launchOpsKiosk, runFirstRunWizard, stopOpsKiosk } from './ops-support.js';

test('diagnostics: reader red while pcscd is stopped, green after it returns', async ({ page }, testInfo) => {
  // The demo world still puts its virtual card on the machine's vpcd slot 0: hold it like the flow tests.
  const unlock = await lockVpcdSlot(0);
  const pcscd = await PrivatePcscd.create();
  await pcscd.start();
  const kiosk = await launchOpsKiosk({ PCSCLITE_CSOCK_NAME: pcscd.socketPath });
  try {
    const patient = new Patient(page, testInfo);
    await page.goto(kiosk.url);
    await patient.sees('standby');
    await runFirstRunWizard(page);
    await page.getByRole('tab', { name: jaText('admin.tab.diagnostics') }).click();
    const reader = page.locator('[data-check="reader"]');
    const daemon = page.locator('[data-check="pcscd"]');
    await expect(reader).toHaveAttribute('data-ok', 'true', { timeout: 15_000 });
    await expect(daemon).toHaveAttribute('data-ok', 'true');
    await patient.shot('diagnostics-green');

    await pcscd.kill();
    await expect(reader).toHaveAttribute('data-ok', 'false', { timeout: 15_000 });
    await expect(daemon).toHaveAttribute('data-ok', 'false');
    await expect(page.locator('[data-overall="healing"]')).toContainText('E-OPS-010');
    await expect(daemon).toContainText('E-OPS-010');
    await patient.shot('diagnostics-red');

    await pcscd.start();
    await expect(reader).toHaveAttribute('data-ok', 'true', { timeout: 15_000 });
    await expect(daemon).toHaveAttribute('data-ok', 'true');
    await expect(page.locator('[data-overall="healing"]')).toHaveCount(0);
    // The red episode stays visible after recovery.
    await expect(daemon).toContainText('E-OPS-010');
    await expect(page.locator('.ops-log')).toContainText('E-OPS-010');
    await patient.shot('diagnostics-green-again');

    // Self-test: no card lies on the reader (skipped, saying so), the face model on the built-in image, the service.
    await page.getByRole('button', { name: jaText('admin.diag.selfTest') }).click();
    const steps = page.locator('[data-table="self-test"]');
    await expect(steps.locator('[data-step="card"]')).toHaveAttribute('data-outcome', 'skipped', { timeout: 40_000 });
    await expect(steps.locator('[data-step="card"]')).toContainText(jaText('admin.diag.step.skipped.no-card'));
    await expect(steps.locator('[data-step="face"]')).toHaveAttribute('data-outcome', 'ok');
    await expect(steps.locator('[data-step="face"]')).toContainText(/顔を検出し、特徴量を計算しました（\d+ ms）/);
    await expect(steps.locator('[data-step="service"]')).toHaveAttribute('data-outcome', 'ok');
    await patient.shot('self-test');
  } finally {
    await stopOpsKiosk(kiosk);
    await pcscd.dispose();
    unlock();
  }
});
