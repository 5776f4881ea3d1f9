/**
 * Node entry of the kiosk without Electron: the same core, served to the system's Chromium over
 * 127.0.0.1 (see src/main/host). `npm start` uses it wherever no Electron binary is installed;
 * it is also how the end-to-end tests and a "Chromium --kiosk" deployment run.
 *
 *   node out/main/browser-host.js [--port N] [--data-dir DIR] [--open kiosk|app] [--no-open] [--no-demo]
 *
 * Prints `KIOSK_URL=<url>` (with the per-launch token) once serving.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createLogger } from './core/logger.js';
import { loadConfig } from './core/config.js';
import { startKiosk } from './core/compose.js';
import { startHttpHost } from './host/http-host.js';
import { findChromium, hasDisplay, openChromium } from './host/chromium.js';
import { kioskLogDestination } from './ops/kiosk-log.js';
import { RELAUNCH_EXIT_CODE } from './ops/relaunch.js';

async function main() {
  const config = loadConfig(process.env, process.argv.slice(2));
  const logFile = kioskLogDestination(config.dataDir);
  const log = createLogger({ destination: logFile.destination });
  // Relaunch = close cleanly, then exit with the code scripts/start.mjs answers by starting again.
  // It never resolves: the process ends, and the next start records the relaunch as completed.
  const kiosk = await startKiosk(config, log, {
    relaunch: () => {
      shutdown(RELAUNCH_EXIT_CODE);
      return new Promise<void>(() => undefined);
    },
  });
  const rendererDir = join(fileURLToPath(new URL('.', import.meta.url)), '../renderer');
  const host = await startHttpHost({ core: kiosk.core, frames: kiosk.frames, admin: kiosk.admin, rendererDir, log, port: config.port });
  process.stdout.write(`KIOSK_URL=${host.url}\n`);
  closeAll = async () => {
    await host.close();
    await kiosk.close();
    logFile.close();
  };

  const chromium = findChromium();
  if (config.open !== 'none' && chromium && hasDisplay()) {
    const browser = openChromium(chromium, host.url, { dataDir: config.dataDir, kiosk: config.open === 'kiosk' });
    browser.on('error', (err) => log.error({ err }, 'could not start Chromium; open KIOSK_URL by hand'));
  } else if (config.open !== 'none') {
    process.stdout.write('No display or no Chromium found: open KIOSK_URL in a browser on this machine.\n');
  }

  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
}

let closing = false;
let closeAll: () => Promise<void> = async () => undefined;
function shutdown(exitCode: number) {
  if (closing) return;
  closing = true;
  void closeAll().finally(() => process.exit(exitCode));
}

main().catch((err: unknown) => {
  process.stderr.write(`browser host failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
