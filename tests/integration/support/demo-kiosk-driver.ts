/**
 * The composed demo kiosk as the integration tests drive it: started on a temporary data directory with
 * its log captured, holding vpcd slot 0 (the demo's virtual card) for this process; then waiting
 * for a screen and tapping intents the way the renderer does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SessionSnapshot } from '../../../src/shared/snapshot.js';
import { startKiosk, type RunningKiosk } from '../../../src/main/core/compose.js';
import { createLogger } from '../../../src/main/core/logger.js';
import { lockVpcdSlot } from './pcscd.js';

export interface DemoKiosk {
  readonly kiosk: RunningKiosk;
  readonly dataDir: string;
  /** Everything the kiosk logged so far (pino JSON lines). */
  logText(): string;
  /** Resolves with the snapshot once `name` is showing; rejects with the screens seen otherwise. */
  screen<S extends SessionSnapshot['screen']>(name: S, ms?: number): Promise<Extract<SessionSnapshot, { screen: S }>>;
  /** An intent from the screen, which the kiosk must accept. */
  tap(intent: unknown): void;
  close(): Promise<void>;
}

/**
 * For the beforeAll that starts one: other test files hold slot 0 for minutes at a time (the demo
 * kiosk, the other face tests), and lockVpcdSlot waits up to 300 s for them.
 */
export const DEMO_KIOSK_START_TIMEOUT_MS = 340_000;

export async function startDemoKiosk(prefix: string): Promise<DemoKiosk> {
  const release = await lockVpcdSlot(0);
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  let logText = '';
  let kiosk: RunningKiosk;
  try {
    kiosk = await startKiosk({ dataDir, port: 0, open: 'none', demo: true }, createLogger({ level: 'info', destination: { write: (line: string) => void (logText += line) } }));
  } catch (err) {
    release();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }

  function screen<S extends SessionSnapshot['screen']>(name: S, ms = 20_000): Promise<Extract<SessionSnapshot, { screen: S }>> {
    return new Promise((resolve, reject) => {
      const seen: string[] = [];
      const check = (s: SessionSnapshot) => {
        if (seen.at(-1) !== s.screen) seen.push(s.screen);
        if (s.screen !== name) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(s as Extract<SessionSnapshot, { screen: S }>);
      };
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`no ${name} screen within ${ms} ms; saw ${seen.join(' → ')}`));
      }, ms);
      const unsubscribe = kiosk.core.subscribe(check);
      check(kiosk.core.current());
    });
  }

  return {
    kiosk,
    dataDir,
    logText: () => logText,
    screen,
    tap(intent) {
      expect(kiosk.core.handleIntent(intent, 'test')).toEqual({ ok: true });
    },
    async close() {
      try {
        await kiosk.close();
      } finally {
        release();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
