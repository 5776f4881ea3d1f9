/**
 * How the screens behave in real Chromium, through the gallery: the camera is on only while the
 * face screen is shown, the seated layout moves the controls low and resets for the next
 * patient, buttons send exactly the intents main expects, and reduced motion stops animation.
 */
import { test, expect } from './support/kiosk.js';
import { gallerySent, openGallery } from './support/gallery.js';
import config from '../../playwright.config.js';

// Chromium's built-in fake camera, so getUserMedia has a device to open; same browser otherwise.
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...(config.use?.launchOptions?.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
  permissions: ['camera'],
});

test('the camera runs only while the face screen is shown', async ({ page, kiosk }, testInfo) => {
  // Count every stream the page opens, so the test sees the camera the way the OS light would.
  await page.addInitScript(() => {
    const opened: MediaStream[] = [];
    (window as unknown as { openedStreams: MediaStream[] }).openedStreams = opened;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      opened.push(stream);
      return stream;
    };
  });
  const liveTracks = () =>
    page.evaluate(() =>
      (window as unknown as { openedStreams: MediaStream[] }).openedStreams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length,
    );

  await openGallery(page, kiosk, 'method-choice');
  expect(await liveTracks()).toBe(0);

  await page.evaluate(() => (window.location.hash = '#gallery/face'));
  await expect(page.locator('.camera-frame[data-camera="live"]')).toBeVisible();
  await expect.poll(liveTracks).toBe(1);
  await expect
    .poll(() => page.locator('video.camera-preview').evaluate((v: HTMLVideoElement) => v.videoWidth))
    .toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('face-live-camera.png') });

  await page.evaluate(() => (window.location.hash = '#gallery/face-failed'));
  await expect(page.locator('main[data-screen="face-failed"]')).toBeVisible();
  await expect.poll(liveTracks).toBe(0);
});

test('the seated layout moves the controls low and is reset for the next patient', async ({ page, kiosk }, testInfo) => {
  await openGallery(page, kiosk, 'registration-terms');
  const agree = page.getByRole('button', { name: '同意して登録する' });
  const standingTop = (await agree.boundingBox())?.y ?? 0;

  await page.getByRole('button', { name: '座ったまま操作' }).click();
  await expect(page.locator('.app.seated')).toBeVisible();
  const seatedTop = (await agree.boundingBox())?.y ?? 0;
  expect(seatedTop).toBeGreaterThan(standingTop + 50);
  await page.screenshot({ path: testInfo.outputPath('registration-terms-seated.png') });
  await page.evaluate(() => (window.location.hash = '#gallery/method-choice'));
  await page.screenshot({ path: testInfo.outputPath('method-choice-seated.png') });

  await page.evaluate(() => (window.location.hash = '#gallery/standby'));
  await expect(page.locator('main[data-screen="standby"]')).toBeVisible();
  await expect(page.locator('.app.seated')).toHaveCount(0);
});

test('buttons send exactly the intents main expects', async ({ page, kiosk }) => {
  await openGallery(page, kiosk, 'pin-entry');
  await page.getByRole('button', { name: '7', exact: true }).click();
  await page.getByRole('button', { name: '3', exact: true }).click();
  await expect(page.locator('.masked-dots .dot.filled')).toHaveCount(2);
  await page.getByRole('button', { name: '訂正' }).click();
  await expect(page.locator('.masked-dots .dot.filled')).toHaveCount(1);
  // The digits travel one by one and are never drawn on the page.
  await expect(page.locator('.pin-info')).not.toContainText('7');

  await page.evaluate(() => (window.location.hash = '#gallery/consent-items'));
  await page.getByRole('group', { name: '健診の情報（特定健診など）' }).getByRole('button', { name: '同意する', exact: true }).click();

  await page.evaluate(() => (window.location.hash = '#gallery/staff-passcode'));
  for (const digit of ['2', '4', '6', '8']) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: '確定' }).click();

  await page.evaluate(() => (window.location.hash = '#gallery/method-choice-pinless'));
  await expect(page.getByRole('button', { name: /暗証番号/ })).toHaveCount(0);
  await page.getByRole('button', { name: /顔認証/ }).click();

  expect(await gallerySent(page)).toEqual([
    { type: 'pin-digit', digit: 7 },
    { type: 'pin-digit', digit: 3 },
    { type: 'pin-delete' },
    { type: 'consent-item', item: 'checkup', agree: true },
    { type: 'staff-passcode', passcode: '2468' },
    { type: 'choose-method', method: 'face' },
  ]);
});

test('reduced motion stops every animation', async ({ page, kiosk }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const [id, selector] of [
    ['working', '.spinner'],
    ['standby', '.arrow'],
    ['done', '.lift-arrow'],
  ] as const) {
    await openGallery(page, kiosk, id);
    await expect(page.locator(selector)).toHaveCSS('animation-name', 'none');
  }
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await openGallery(page, kiosk, 'working');
  await expect(page.locator('.spinner')).toHaveCSS('animation-name', 'spin');
});
