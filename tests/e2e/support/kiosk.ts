/**
 * Playwright fixture: a real browser host (the built out/main/browser-host.js, as `npm start`
 * runs it) in its own process with a fresh data directory, and the URL with its launch token.
 */
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockVpcdSlot } from '../../integration/support/pcscd.js';

export interface KioskProcess {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the host has logged so far (its log lines go to stderr, which is also passed through). */
  log(): string;
}

/** The URL (with its launch token) a starting browser host prints; rejects if it exits first or stays silent 30 s. */
export function kioskUrlOf(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('browser host did not print KIOSK_URL within 30 s')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /KIOSK_URL=(\S+)/.exec(buffered);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`browser host exited early with code ${code}`)));
  });
}

export async function launchKiosk(extraArgs: string[] = []): Promise<KioskProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const child = spawn(process.execPath, ['out/main/browser-host.js', '--no-open', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logged = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    logged += chunk.toString();
    process.stderr.write(chunk);
  });
  const url = await kioskUrlOf(child);
  return { url, dataDir, process: child, log: () => logged };
}

/** Resolves once the host's log matches `pattern`; rejects after `ms`. */
export async function waitForLog(kiosk: KioskProcess, pattern: RegExp, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!pattern.test(kiosk.log())) {
    if (Date.now() > until) throw new Error(`browser host did not log ${pattern} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function stopKiosk(kiosk: KioskProcess): Promise<void> {
  const exited = new Promise((resolve) => kiosk.process.once('exit', resolve));
  kiosk.process.kill('SIGTERM');
  await exited;
  rmSync(kiosk.dataDir, { recursive: true, force: true });
}

export const test = base.extend<{ kiosk: KioskProcess }>({
  // Playwright reads the fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  kiosk: async ({}, use) => {
    // The demo kiosk watches vpcd slot 0: hold it so a card another process inserts there (a flow
    // test, a manual sim:card) cannot start a session under this test.
    const unlock = await lockVpcdSlot(0);
    try {
      const kiosk = await launchKiosk();
      try {
        await use(kiosk);
      } finally {
        await stopKiosk(kiosk);
      }
    } finally {
      unlock();
    }
  },
});

export { expect } from '@playwright/test';
