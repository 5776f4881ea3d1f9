/**
 * The watchdog's checks of things outside the kiosk process: the reader stack, the
 * qualification service and the disk. Each returns a staff code on failure and never throws.
 */
import { statfs } from 'node:fs/promises';
import { OPS_ERRORS } from './error-codes.js';
import { failure, type HealthCheck } from './health-check.js';
import type { ReaderStack } from './reader-stack.js';

export function pcscdCheck(stack: ReaderStack): HealthCheck {
  return { name: 'pcscd', run: async () => ((await stack.daemonAlive()) ? { ok: true } : failure(OPS_ERRORS.PCSCD_DOWN)) };
}

export function readerCheck(stack: ReaderStack): HealthCheck {
  return { name: 'reader', run: async () => (stack.readers().length > 0 ? { ok: true } : failure(OPS_ERRORS.READER_MISSING)) };
}

/**
 * Reachable means the service answered HTTP at all within the deadline: a 4xx still proves the
 * network path and the server are up; only 5xx, timeouts and connection errors are red.
 */
export function serviceCheck(endpoint: () => string, timeoutMs = 3_000): HealthCheck {
  return {
    name: 'service',
    run: async () => {
      try {
        const response = await fetch(endpoint(), { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
        return response.status < 500 ? { ok: true } : failure(OPS_ERRORS.SERVICE_UNREACHABLE, `HTTP ${response.status}`);
      } catch (error) {
        const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : 'connection failed';
        return failure(OPS_ERRORS.SERVICE_UNREACHABLE, reason);
      }
    },
  };
}

export interface DiskThreshold {
  /** Below this many free bytes the check is red (the database, logs and レセコン files live here). */
  readonly minFreeBytes: number;
}

export const DEFAULT_DISK_THRESHOLD: DiskThreshold = { minFreeBytes: 512 * 1024 * 1024 };

export function diskCheck(dir: string, threshold: DiskThreshold = DEFAULT_DISK_THRESHOLD): HealthCheck {
  return {
    name: 'disk',
    run: async () => {
      try {
        const s = await statfs(dir);
        // bavail, not bfree: blocks reserved for root are not ours to count on.
        const free = s.bavail * s.bsize;
        const mib = (n: number) => `${Math.floor(n / 1024 / 1024)} MiB`;
        return free >= threshold.minFreeBytes ? { ok: true } : failure(OPS_ERRORS.DISK_LOW, `${mib(free)} free, need ${mib(threshold.minFreeBytes)}`);
      } catch {
        return failure(OPS_ERRORS.DISK_LOW, `cannot read ${dir}`);
      }
    },
  };
}
