/**
 * Patient scenarios end to end: a browser host in demo mode (real pcscd + vpcd with the virtual
 * card, the qualification-service simulator, a fresh SQLite store) per test, the card placed and
 * lifted through the card's control endpoint as `npm run sim:card` does, and a Chromium page that
 * taps the buttons a patient would. Every screen reached is saved as a numbered screenshot in the
 * test's output folder (test-results/e2e/<test>/NN-<screen>.png).
 *
 * vpcd slot 0 is held with the same cross-process lock the card tests use for slot 1, so a second
 * run on the machine waits instead of pulling our card.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { Screen } from '../../../src/shared/snapshot.js';
import config from '../../../playwright.config.js';
import { ensureFakeCamera, fakeCameraFile, type ClipShows } from '../../../scripts/make-fake-camera.js';
import { loadPersona } from '../../../sim/card/persona.js';
import { lockVpcdSlot } from '../../integration/support/pcscd.js';
import { insertCard, removeCard } from '../../integration/demo/virtual-card-control.js';
import { launchKiosk, stopKiosk, type KioskProcess } from './kiosk.js';
import { readerReady, VirtualCard, type CardHand } from './virtual-card.js';

export { expect, VirtualCard, type CardHand };

const JA = JSON.parse(readFileSync(new URL('../../../src/renderer/i18n/locales/ja.json', import.meta.url), 'utf8')) as Record<string, string>;

/** Japanese catalogue text: the tests find buttons and messages by the words the patient reads. */
export function ja(key: string, vars: Record<string, string | number> = {}): string {
  const value = JA[key];
  if (value === undefined) throw new Error(`no catalogue key ${key}`);
  return value.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
}

/** The persona's 利用者証明用暗証番号 (the virtual card checks it like a real one). */
export function pinOf(persona: string): string {
  const pin = loadPersona(persona).secrets.userAuthPin;
  if (pin === null) throw new Error(`persona ${persona} has no PIN`);
  return pin;
}

/**
 * Launch options for a file whose patient stands before Chromium's fake camera playing a clip of
 * scripts/make-fake-camera.ts (made here when missing). A launch flag, so one clip per file.
 */
export function fakeCameraShowing(persona: string, shows: ClipShows) {
  ensureFakeCamera();
  return {
    launchOptions: {
      ...config.use?.launchOptions,
      args: [
        ...(config.use?.launchOptions?.args ?? []),
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${fakeCameraFile(persona, shows)}`,
      ],
    },
    permissions: ['camera'],
  };
}

/** The virtual card on vpcd slot 0, found through its control file at every call, as `npm run sim:card` does. */
export const card: CardHand = {
  insert: (persona: string) => insertCard(persona, 0),
  remove: () => removeCard(0),
};

/** A patient at the kiosk: the page, and the numbered screenshots of what they saw. */
export class Patient {
  private shots = 0;

  constructor(
    readonly page: Page,
    private readonly testInfo: TestInfo,
    private readonly hand: CardHand = card,
  ) {}

  /** Waits for `name`, saves its screenshot, and returns the screen. */
  async sees(name: Screen, timeout = 15_000): Promise<Locator> {
    const screen = this.page.locator(`main[data-screen="${name}"]`);
    await expect(screen).toBeVisible({ timeout });
    await this.shot(name);
    return screen;
  }

  async shot(label: string): Promise<void> {
    this.shots += 1;
    await this.page.screenshot({ path: this.testInfo.outputPath(`${String(this.shots).padStart(2, '0')}-${label}.png`) });
  }

  /** Taps the button labelled with the catalogue text of `key`. */
  async tap(key: string): Promise<void> {
    await this.page.getByRole('button', { name: ja(key) }).click();
  }

  /** Types on the PIN pad (digits as the patient presses them) and, by default, presses 確定. */
  async typePin(pin: string, submit = true): Promise<void> {
    const pad = this.page.getByRole('group', { name: ja('pad.label') });
    for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
    if (submit) await pad.getByRole('button', { name: ja('pad.submit') }).click();
  }

  /**
   * Every screen shown since the page opened, in order, without repeats: screens that pass too
   * quickly for a screenshot (reading, working) are still caught by a MutationObserver in the page.
   */
  trail(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { screenTrail: string[] }).screenTrail);
  }

  /** Lifts the card and waits for standby: the session must end cleanly from wherever it was. */
  async takesCard(): Promise<void> {
    await this.hand.remove();
    await this.sees('standby');
  }
}

/** What the kiosk wrote to its data directory (read-only; the kiosk keeps running). */
export class KioskRecords {
  constructor(private readonly kiosk: KioskProcess) {}

  private query<T>(sql: string): T[] {
    const db = new Database(join(this.kiosk.dataDir, 'kiosk.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }

  /** Audit rows as `kind` and parsed detail, oldest first. */
  audit(): { kind: string; detail: Record<string, unknown> }[] {
    return this.query<{ kind: string; detail: string }>('SELECT kind, detail FROM audit_log ORDER BY seq').map((r) => ({
      kind: r.kind,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }

  auditKinds(): string[] {
    return this.audit().map((r) => r.kind);
  }

  /** Consents given (items agreed to, per row). */
  consents(): { items: string[]; prescription: string | null }[] {
    return this.query<{ items: string; prescription: string | null }>('SELECT items, prescription FROM consents ORDER BY id').map((r) => ({
      items: JSON.parse(r.items) as string[],
      prescription: r.prescription,
    }));
  }

  pendingCount(): number {
    return this.query<{ n: number }>('SELECT count(*) AS n FROM pending_queue')[0]?.n ?? 0;
  }

  /** レセコン result files written so far. */
  receipts(): string[] {
    let files: string[];
    try {
      files = readdirSync(join(this.kiosk.dataDir, 'receipts'));
    } catch {
      return [];
    }
    return files.filter((f) => f.endsWith('.xml')).map((f) => readFileSync(join(this.kiosk.dataDir, 'receipts', f), 'utf8'));
  }

  /** `npm run audit:verify` on the live store: its one line of output (throws on a broken chain). */
  verifyAuditChain(): string {
    return execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/main/store/audit-cli.ts', join(this.kiosk.dataDir, 'kiosk.sqlite')], { encoding: 'utf8' }).trim();
  }
}

export const test = base.extend<{ kiosk: KioskProcess; card: VirtualCard; patient: Patient; records: KioskRecords }>({
  // Playwright reads the fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  kiosk: async ({}, use) => {
    const unlock = await lockVpcdSlot(0);
    try {
      const kiosk = await launchKiosk();
      try {
        await readerReady(kiosk);
        await use(kiosk);
      } finally {
        await stopKiosk(kiosk);
      }
    } finally {
      unlock();
    }
  },
  card: async ({ kiosk }, use) => {
    await use(VirtualCard.of(kiosk));
  },
  patient: async ({ page, kiosk, card }, use, testInfo) => {
    await page.addInitScript(() => {
      const trail: string[] = [];
      (window as unknown as { screenTrail: string[] }).screenTrail = trail;
      new MutationObserver(() => {
        const screen = document.querySelector('main[data-screen]')?.getAttribute('data-screen');
        if (screen && trail.at(-1) !== screen) trail.push(screen);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-screen'] });
    });
    await page.goto(kiosk.url);
    const patient = new Patient(page, testInfo, card);
    await patient.sees('standby');
    await use(patient);
  },
  records: async ({ kiosk }, use) => {
    await use(new KioskRecords(kiosk));
  },
});
