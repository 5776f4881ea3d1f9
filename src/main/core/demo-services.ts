/**
 * The embedded demo (config.demo): pcscd up, and the simulated world (sim/demo/main.ts: the
 * qualification-service simulator, seeded with the personas' registrations, and the virtual card
 * on vpcd slot 0 with its `sim:card` control endpoint) in one child process. A child, not
 * in-process: the world runs from sources with tsx (personas, test keys and photos live in sim/
 * and are not bundled), and a simulator that hangs or crashes cannot take the kiosk's event loop
 * with it.
 *
 * Nothing here may stop the kiosk from reaching standby: every failure is logged with a staff
 * code and the caller goes on without the part.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { KioskError } from '../../shared/errors.js';
import type { JpkiTrust } from '../card/jpki.js';
import { x509 } from '../card/x509.js';
import { pcscdAlive, pcscdSocketPath } from '../ops/pcscd-socket.js';
import { serviceRegistrationDirectory, type RegistrationDirectory } from './qualification-port.js';
import type { DeviceKey } from './device-key.js';
import type { Logger } from './logger.js';

export const DEMO_ERRORS = {
  /** pcscd is not running and could not be started (not root, or not installed). */
  PCSCD_UNAVAILABLE: 'E-DEMO-001',
  /** The demo's simulated world (service simulator, virtual card) did not start. */
  WORLD_FAILED: 'E-DEMO-002',
  // E-DEMO-003 (the demo's own registration lookup) is retired: the simulator answers that now.
} as const;

/** vpcd slot 0 as pcscd names it; the card tests keep to slot 1. */
export const DEMO_READER = 'Virtual PCD 00 00';

const WORLD_START_TIMEOUT_MS = 30_000;
const LOOKUP_TIMEOUT_MS = 5_000;

const readySchema = z.object({ serviceUrl: z.url(), authCaPem: z.string().includes('BEGIN CERTIFICATE') });

export interface DemoWorld {
  readonly serviceUrl: string;
  readonly directory: RegistrationDirectory;
  /** The test PKI's 利用者証明用CA: the only issuer the demo's reader monitor trusts. */
  readonly trust: JpkiTrust;
  close(): Promise<void>;
}

/** Makes sure pcscd answers; starts `pcscd -f` when we are root (demo only: a kiosk never does). */
export async function ensurePcscdForDemo(log: Logger): Promise<boolean> {
  const socket = pcscdSocketPath();
  if (await pcscdAlive(socket)) return true;
  if (process.getuid?.() !== 0) {
    log.error({ code: DEMO_ERRORS.PCSCD_UNAVAILABLE }, 'pcscd が起動していません。sudo systemctl start pcscd を実行してください / pcscd is not running: start it (sudo systemctl start pcscd)');
    return false;
  }
  log.warn('demo mode: pcscd was not running; starting `pcscd -f` in the background');
  const child = spawn('pcscd', ['-f'], { detached: true, stdio: 'ignore' });
  child.once('error', (err) => log.error({ err, code: DEMO_ERRORS.PCSCD_UNAVAILABLE }, 'pcscd could not be started (apt-get install pcscd vsmartcard-vpcd)'));
  child.unref();
  for (let waited = 0; waited < 5_000; waited += 100) {
    if (await pcscdAlive(socket)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  log.error({ code: DEMO_ERRORS.PCSCD_UNAVAILABLE }, 'pcscd did not come up within 5 s');
  return false;
}

/** The repository root (where sim/ lives), from this module in src/ or bundled in out/. */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'sim', 'demo', 'main.ts'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new KioskError(DEMO_ERRORS.WORLD_FAILED, 'デモ用シミュレータが見つかりません (sim/demo) / The demo simulators (sim/demo) are missing');
    dir = parent;
  }
  return dir;
}

export async function startDemoWorld(device: DeviceKey, log: Logger): Promise<DemoWorld> {
  const root = repositoryRoot();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'sim', 'demo', 'main.ts'), '--device-id', device.deviceId, '--device-spki', device.publicKeySpki], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = await readyLine(child).catch(async (cause: unknown) => {
    await stopChild(child);
    throw new KioskError(DEMO_ERRORS.WORLD_FAILED, 'デモ用シミュレータを起動できません / The demo simulators did not start', { cause });
  });
  log.info({ serviceUrl: ready.serviceUrl, reader: DEMO_READER, pid: child.pid }, 'demo world running: service simulator and virtual card (npm run sim:card -- insert <persona>)');
  return {
    serviceUrl: ready.serviceUrl,
    directory: serviceRegistrationDirectory(ready.serviceUrl, LOOKUP_TIMEOUT_MS, log),
    trust: { authCas: [new x509.X509Certificate(ready.authCaPem)] },
    close: () => stopChild(child),
  };
}

function readyLine(child: ChildProcess): Promise<z.infer<typeof readySchema>> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    const timer = setTimeout(() => reject(new Error(`no DEMO_READY within ${WORLD_START_TIMEOUT_MS} ms`)), WORLD_START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(why));
    };
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code) => fail(`exited with code ${code}`));
    lines.on('line', (line) => {
      if (!line.startsWith('DEMO_READY ')) return;
      clearTimeout(timer);
      try {
        resolve(readySchema.parse(JSON.parse(line.slice('DEMO_READY '.length))));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(forced);
}
