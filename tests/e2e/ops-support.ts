/**
 * What the ops end-to-end tests share: a browser host started with its own environment (the
 * demo-only scheduler test clock, a private pcscd's socket), and the staff steps on the page
 * (the corner gesture, the first-run wizard, logging in). Card steps reuse the patient helpers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { kioskUrlOf } from './support/kiosk.js';

const catalogue = (language: 'ja' | 'en') =>
  JSON.parse(readFileSync(new URL(`../../src/renderer/i18n/locales/${language}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const CATALOGUES = { ja: catalogue('ja'), en: catalogue('en') };

function translate(language: 'ja' | 'en', key: string, params: Record<string, string> = {}): string {
  const text = CATALOGUES[language][key];
  if (text === undefined) throw new Error(`no catalogue key ${key}`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export const STAFF_PASSCODE = '4821';
export const ADMIN_PASSWORD = 'reception-it-2025';

export interface OpsKiosk {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code once the host exits (a relaunch exits with 75). */
  readonly exited: Promise<number | null>;
}

/** Like support/kiosk.ts, with extra environment and a fixed data directory if given. */
export async function launchOpsKiosk(env: Record<string, string> = {}, dataDir = mkdtempSync(join(tmpdir(), 'kiosk-ops-e2e-'))): Promise<OpsKiosk> {
  const child = spawn(process.execPath, ['out/main/browser-host.js', '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await kioskUrlOf(child);
  return { url, dataDir, process: child, exited };
}

export async function stopOpsKiosk(kiosk: OpsKiosk, keepData = false): Promise<void> {
  if (kiosk.process.exitCode === null && kiosk.process.signalCode === null) kiosk.process.kill('SIGTERM');
  await kiosk.exited;
  if (!keepData) rmSync(kiosk.dataDir, { recursive: true, force: true });
}

/** The Japanese line of a bilingual staff label (staff screens show ja with en beneath). */
export const jaText = (key: string, params?: Record<string, string>) => translate('ja', key, params);

/** Three taps in the top-right corner on standby: the hidden admin entry. */
export async function cornerTap(page: Page): Promise<void> {
  const corner = page.getByRole('button', { name: `${jaText('ops.corner')} / ${translate('en', 'ops.corner')}` });
  for (let i = 0; i < 3; i++) await corner.click();
}

/** Fresh kiosk: corner gesture → wizard → both credentials → the admin screen, then back to reception. */
export async function runFirstRunWizard(page: Page): Promise<void> {
  await expect(page.locator('[data-ops="setup-required"]')).toBeVisible();
  await cornerTap(page);
  const wizard = page.locator('main[data-screen="setup-wizard"]');
  await expect(wizard).toBeVisible();
  await wizard.getByLabel(`${jaText('admin.wizard.staff')} /`).fill(STAFF_PASSCODE);
  await wizard.getByLabel(`${jaText('admin.wizard.staffAgain')} /`).fill(STAFF_PASSCODE);
  await wizard.getByLabel(`${jaText('admin.wizard.admin')} /`).fill(ADMIN_PASSWORD);
  await wizard.getByLabel(`${jaText('admin.wizard.adminAgain')} /`).fill(ADMIN_PASSWORD);
  await wizard.getByRole('button', { name: jaText('admin.wizard.submit') }).click();
  await expect(page.locator('main[data-screen="admin"]')).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: jaText('admin.logout') }).click();
  await expect(page.locator('main[data-screen="standby"]')).toBeVisible();
}

export async function adminLogin(page: Page): Promise<void> {
  await cornerTap(page);
  const login = page.locator('main[data-screen="admin-login"]');
  await login.getByRole('radio', { name: jaText('admin.login.admin') }).check();
  await login.getByLabel(`${jaText('admin.login.secret')} /`).fill(ADMIN_PASSWORD);
  await login.getByRole('button', { name: jaText('admin.login.submit') }).click();
  await expect(page.locator('main[data-screen="admin"]')).toBeVisible();
}

export function restartHistory(dataDir: string): { slot_at_ms: number; outcome: string; action: string }[] {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT slot_at_ms, outcome, action FROM restart_history ORDER BY id').all() as { slot_at_ms: number; outcome: string; action: string }[];
  } finally {
    db.close();
  }
}
