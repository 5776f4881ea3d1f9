/**
 * Integration tests through real pcscd + vsmartcard-vpcd. ensurePcscd() makes sure pcscd runs
 * (starting `pcscd -f` in the background when we are root and it is not running) and that the
 * vpcd driver listens on 127.0.0.1. Callers skip ONLY outside CI when this fails, and fail in CI.
 * vpcd is probed by reading the kernel's listening-socket table, never by connecting: a TCP
 * connection to vpcd would itself be a card insertion.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const VPCD_PORTS = [35963, 35964] as const;

export type PcscdStatus = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function listeningPorts(): Set<number> {
  const ports = new Set<number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // no IPv6 table on this kernel
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1];
      if (cols[3] === '0A' && local) ports.add(Number.parseInt(local.split(':').pop() ?? '0', 16)); // 0A = LISTEN
    }
  }
  return ports;
}

function vpcdListening(): boolean {
  const ports = listeningPorts();
  return VPCD_PORTS.every((p) => ports.has(p));
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

export async function ensurePcscd(): Promise<PcscdStatus> {
  if (vpcdListening()) return { ok: true };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'pcscd is not running with vpcd and we are not root to start it' };
  try {
    const child = spawn('pcscd', ['-f'], { detached: true, stdio: 'ignore' });
    const failed = await new Promise<string | undefined>((resolve) => {
      child.once('error', (e) => resolve(e.message));
      setTimeout(() => resolve(undefined), 200);
    });
    if (failed) return { ok: false, reason: `cannot start pcscd: ${failed} (apt-get install pcscd vsmartcard-vpcd)` };
    child.unref();
  } catch (e) {
    return { ok: false, reason: `cannot start pcscd: ${String(e)}` };
  }
  if (await waitFor(vpcdListening, 5_000)) return { ok: true };
  return { ok: false, reason: 'pcscd started but vpcd does not listen on 35963/35964 (is vsmartcard-vpcd installed?)' };
}

/** Resolve the status, throwing in CI (where these tests must run) and warning elsewhere. */
export async function requirePcscdOutsideCiSkip(): Promise<boolean> {
  const status = await ensurePcscd();
  if (status.ok) return true;
  if (process.env.CI) throw new Error(`PC/SC integration tests must run in CI: ${status.reason}`);
  console.warn(`skipping PC/SC integration tests outside CI: ${status.reason}`);
  return false;
}

/**
 * Hold one vpcd slot for this process. vpcd takes one virtual card per slot, so two test runs on
 * the same machine (several people, or a run plus a bench) would pull each other's cards; this
 * serialises them. The lock is a directory (atomic mkdir) holding the owner's pid; a lock whose
 * owner died is taken over.
 */
export async function lockVpcdSlot(slot: number, waitMs = 300_000): Promise<() => void> {
  const dir = join(tmpdir(), 'open-kao-kiosk');
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, `vpcd-slot-${slot}.lock`);
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch {
      if (!ownerAlive(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > until) throw new Error(`vpcd slot ${slot} stayed locked by another process (${lock})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return true; // being created right now: give its owner a moment
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
