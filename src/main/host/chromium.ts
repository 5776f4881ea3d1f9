/**
 * Opens the kiosk in the system's Chromium when there is no Electron binary: `--kiosk` for a
 * counter screen, `--app` for a window on a developer's desktop. The profile lives in the kiosk's
 * data directory so camera permission and zoom survive restarts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.KIOSK_CHROMIUM;
  if (configured) return existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function openChromium(executable: string, url: string, options: { dataDir: string; kiosk: boolean }): ChildProcess {
  const args = [
    options.kiosk ? '--kiosk' : '--new-window',
    `--app=${url}`,
    `--user-data-dir=${join(options.dataDir, 'chromium-profile')}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter',
    // The kiosk page is the only page this profile ever shows; grant its camera request without a
    // prompt that a patient could not answer.
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
  return spawn(executable, args, { stdio: 'ignore', detached: false });
}
