/**
 * A pcscd of our own for tests and the heal bench: its socket in a temporary folder (bind-mounted
 * over /run/pcscd inside a private mount namespace) and its vpcd readers on a free port, so
 * killing it never disturbs another pcscd on the machine (the card tests' or a developer's).
 * libpcsclite finds it through PCSCLITE_CSOCK_NAME, which must be set before the first context.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pcscdAlive } from '../../../src/main/ops/pcscd-socket.js';

const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';

export class PrivatePcscd {
  readonly socketPath: string;
  private readonly runDir: string;
  private readonly confDir: string;
  private child: ChildProcess | undefined;

  private constructor(
    private readonly root: string,
    readonly vpcdPort: number,
  ) {
    this.runDir = join(root, 'run');
    this.confDir = join(root, 'reader.conf.d');
    this.socketPath = join(this.runDir, 'pcscd.comm');
    mkdirSync(this.runDir);
    mkdirSync(this.confDir);
    const channel = `0x${vpcdPort.toString(16).toUpperCase()}`;
    writeFileSync(join(this.confDir, 'vpcd'), `FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:${channel}\nLIBPATH ${VPCD_DRIVER}\nCHANNELID ${channel}\n`);
  }

  static async create(): Promise<PrivatePcscd> {
    return new PrivatePcscd(mkdtempSync(join(tmpdir(), 'ops-pcscd-')), await freePort());
  }

  /**
   * A started private pcscd, or why none could be had here. Outside CI a developer machine may lack
   * root, unshare or pcscd, and the caller skips saying why; in CI the failure is thrown, so the
   * test runs or fails.
   */
  static async startOutsideCiSkip(): Promise<{ pcscd: PrivatePcscd } | { unavailable: string }> {
    let pcscd: PrivatePcscd | undefined;
    try {
      pcscd = await PrivatePcscd.create();
      await pcscd.start();
      return { pcscd };
    } catch (error) {
      if (process.env.CI === 'true') throw error;
      await pcscd?.dispose();
      return { unavailable: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Starts pcscd and resolves when its socket accepts connections; returns the ms that took. */
  async start(timeoutMs = 5_000): Promise<number> {
    const t0 = performance.now();
    const script = `mkdir -p /run/pcscd && mount --bind '${this.runDir}' /run/pcscd && exec pcscd -f -c '${this.confDir}'`;
    const child = spawn('unshare', ['-m', 'sh', '-c', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    this.child = child;
    while (!(await pcscdAlive(this.socketPath, 200))) {
      if (exited || performance.now() - t0 > timeoutMs) {
        await this.kill();
        throw new Error(`private pcscd did not start: ${stderr.trim() || 'no socket'}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - t0;
  }

  /** SIGKILL: the daemon dies as in a crash, without closing its clients cleanly. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.root, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}
