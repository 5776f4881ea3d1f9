/**
 * Helpers for the screen gallery (#gallery): open it on the real browser host, show one fixture,
 * and audit what an 80-year-old would trip over: raw message keys or {placeholders} on screen,
 * text pushed off the side, buttons smaller than 15 mm.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { KioskProcess } from './kiosk.js';
import { GALLERY_FIXTURES, type GalleryFixture } from '../../../src/renderer/gallery/fixtures.js';

export { GALLERY_FIXTURES, type GalleryFixture };

/** 15 mm at 96 dpi is 57 px. */
export const MIN_TARGET_PX = 57;

const MESSAGE_KEYS: readonly string[] = Object.keys(
  JSON.parse(readFileSync(new URL('../../../src/renderer/i18n/locales/ja.json', import.meta.url), 'utf8')) as Record<string, string>,
);

export async function openGallery(page: Page, kiosk: KioskProcess, fixtureId = GALLERY_FIXTURES[0]?.id ?? 'standby'): Promise<void> {
  await page.goto(`${kiosk.url.replace(/#.*$/, '')}#gallery/${fixtureId}`);
  await expect(page.locator('main[data-screen]')).toBeVisible();
}

export async function showFixture(page: Page, fixture: GalleryFixture): Promise<void> {
  await page.evaluate((id) => (window.location.hash = `#gallery/${id}`), fixture.id);
  await expect(page.locator(`main[data-screen="${fixture.snapshot.screen}"]`)).toBeVisible();
}

export interface ScreenAudit {
  rawKeys: string[];
  placeholders: string[];
  overflowing: string[];
  /** Set when the page is taller than the window: the patient would have to scroll to see it all. */
  needsScroll: string | null;
  smallButtons: string[];
}

/** Everything wrong with the screen as drawn now; all lists empty means it passes. */
export async function auditScreen(page: Page): Promise<ScreenAudit> {
  const found = await page.evaluate((minPx) => {
    const text = document.body.innerText;
    const overflowing = [...document.querySelectorAll<HTMLElement>('main.screen, .settings-bar, html')]
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
    const smallButtons = [...document.querySelectorAll('button')]
      .map((button) => ({ label: button.innerText.trim(), box: button.getBoundingClientRect() }))
      .filter(({ box }) => box.width < minPx || box.height < minPx)
      .map(({ label, box }) => `"${label}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    const page = document.documentElement;
    const needsScroll = page.scrollHeight > window.innerHeight ? `${page.scrollHeight} > ${window.innerHeight}` : null;
    return { text, overflowing, needsScroll, smallButtons };
  }, MIN_TARGET_PX);
  return {
    rawKeys: MESSAGE_KEYS.filter((key) => found.text.includes(key)),
    placeholders: found.text.match(/\{\w+\}/g) ?? [],
    overflowing: found.overflowing,
    needsScroll: found.needsScroll,
    smallButtons: found.smallButtons,
  };
}

export async function gallerySent(page: Page): Promise<unknown[]> {
  return page.evaluate(() => [...(window.kioskGallery?.sent ?? [])]);
}
