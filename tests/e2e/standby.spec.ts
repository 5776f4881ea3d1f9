import { test, expect } from './support/kiosk.js';

test('standby screen greets in Japanese and switches to English with one tap', async ({ page, kiosk }, testInfo) => {
  await page.goto(kiosk.url);

  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('マイナ保険証をお使いの方は、カードを置いてください');
  await expect(page.getByText('カードをケースから出してください')).toBeVisible();
  await expect(page.locator('[data-screen="standby"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('standby-ja.png'), fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading).toHaveText('Please place your My Number health insurance card');
  await expect(page.getByText('Take the card out of its case')).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: testInfo.outputPath('standby-en.png'), fullPage: true });

  await page.getByRole('button', { name: '日本語' }).click();
  await expect(heading).toHaveText('マイナ保険証をお使いの方は、カードを置いてください');
});

test('the launch token leaves the address bar, survives a reload, and nothing works without it', async ({ page, browser, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="standby"]')).toBeVisible();
  expect(page.url()).not.toContain('token');
  await page.reload();
  await expect(page.locator('[data-screen="standby"]')).toBeVisible();

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  // The upgrade is refused (401), which the page sees as a socket error and close.
  const refused = strangerPage
    .waitForEvent('websocket')
    .then((ws) => new Promise((resolve) => (ws.on('socketerror', resolve), ws.on('close', resolve))));
  await strangerPage.goto(kiosk.url.replace(/#.*$/, ''));
  await refused;
  await expect(strangerPage.locator('[data-screen="connecting"]')).toBeVisible();
  await expect(strangerPage.locator('[data-screen="standby"]')).toHaveCount(0);
  await stranger.close();
});
