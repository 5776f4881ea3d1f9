/**
 * 定期再起動 end to end: IT staff set a restart two minutes ahead on the admin screen; a patient
 * is at the kiosk when the time comes, so it waits; the moment the kiosk is back at standby it
 * relaunches (the browser host exits with 75 for its supervisor). Started again, the kiosk
 * records the relaunch as completed and does not run the slot twice. The scheduler runs on the
 * demo-only test clock (KIOSK_TEST_CLOCK_START, 6× speed), so two minutes take twenty seconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { lockVpcdSlot } from '../integration/support/pcscd.js';
import { card, Patient } from './support/flow.js';
import { jaText, launchOpsKiosk, logout, restartHistory, runFirstRunWizard, stopOpsKiosk } from './ops-support.js';

const clock = (start: string) => ({ KIOSK_TEST_CLOCK_START: start, KIOSK_TEST_CLOCK_RATE: '6' });
/** 10:02 JST on 2025-01-06, the slot the admin sets. */
const SLOT_MS = Date.parse('2025-01-06T10:02:00+09:00');

test('a restart set two minutes ahead waits for the patient, runs at the next standby, and is not run twice', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const unlock = await lockVpcdSlot(0);
  let kiosk = await launchOpsKiosk(clock('2025-01-06T10:00:00+09:00'));
  try {
    const patient = new Patient(page, testInfo);
    await page.goto(kiosk.url);
    await patient.sees('standby');
    await runFirstRunWizard(page);

    const settings = page.locator('[data-panel="settings"]');
    await settings.getByLabel(`${jaText('admin.settings.time')} /`).fill('10:02');
    await settings.getByRole('button', { name: jaText('admin.settings.save') }).click();
    await expect(settings.getByRole('status')).toContainText(jaText('admin.settings.saved'));
    await expect(settings.locator('[data-restart-state="waiting"]')).toContainText('2025/1/6 10:02:00');
    await patient.shot('restart-set');
    await logout(page);

    // A patient arrives before 10:02 and is still at the kiosk when the slot comes.
    await card.insert('normal-adult');
    await patient.sees('method-choice');
    const log = () => readFileSync(join(kiosk.dataDir, 'kiosk.log'), 'utf8');
    await expect.poll(log, { timeout: 40_000 }).toContain('scheduled restart deferred');
    expect(kiosk.process.exitCode).toBeNull();
    await expect(page.locator('main[data-screen="method-choice"]')).toBeVisible();
    expect(restartHistory(kiosk.dataDir)).toEqual([]);

    // The patient leaves: at standby the restart runs at once.
    await card.remove();
    expect(await kiosk.exited).toBe(75);
    expect(restartHistory(kiosk.dataDir)).toEqual([{ slot_at_ms: SLOT_MS, outcome: 'started', action: 'relaunch-kiosk' }]);

    // The supervisor (scripts/start.mjs) starts it again; here the test does, a few minutes later.
    kiosk = await launchOpsKiosk(clock('2025-01-06T10:06:00+09:00'), kiosk.dataDir);
    await page.goto(kiosk.url);
    await patient.sees('standby');
    await expect(page.locator('[data-ops="setup-required"]')).toHaveCount(0);
    expect(restartHistory(kiosk.dataDir)).toEqual([
      { slot_at_ms: SLOT_MS, outcome: 'started', action: 'relaunch-kiosk' },
      { slot_at_ms: SLOT_MS, outcome: 'completed', action: 'relaunch-kiosk' },
    ]);
  } finally {
    await stopOpsKiosk(kiosk);
    unlock();
  }
});
