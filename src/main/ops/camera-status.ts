/**
 * Camera health as the renderer reports it. Only the renderer holds the camera (getUserMedia),
 * and no frame ever leaves it for this purpose, so it sends a small report: on start, on every
 * change, and as a heartbeat. A report that stops arriving is itself a fault (the screen froze or
 * lost its connection), so a stale report turns the check red.
 *
 * Contract for the lead (src/shared intent): `{ type: 'camera-status', available, reason?, device? }`
 * sent at least every `staleAfterMs / 3`.
 */
import { z } from 'zod';
import type { OpsClock } from './clock.js';
import { OPS_ERRORS } from './error-codes.js';
import { failure, type HealthCheck } from './health-check.js';

export const cameraReportSchema = z.object({
  available: z.boolean(),
  /** The DOMException name from getUserMedia (NotAllowedError, NotReadableError, NotFoundError…). */
  reason: z.string().max(64).optional(),
  /** Device label, for staff choosing between cameras; no image data. */
  device: z.string().max(128).optional(),
});
export type CameraReport = z.infer<typeof cameraReportSchema>;

export class CameraStatusBoard {
  private last: { report: CameraReport; atMs: number } | undefined;

  constructor(
    private readonly clock: OpsClock,
    private readonly staleAfterMs = 30_000,
  ) {}

  /** Accepts an untrusted report from the renderer; malformed ones are ignored (and thus go stale). */
  report(raw: unknown): boolean {
    const parsed = cameraReportSchema.safeParse(raw);
    if (!parsed.success) return false;
    this.last = { report: parsed.data, atMs: this.clock.now().getTime() };
    return true;
  }

  check(): HealthCheck {
    return {
      name: 'camera',
      run: async () => {
        const last = this.last;
        if (!last || this.clock.now().getTime() - last.atMs > this.staleAfterMs) return failure(OPS_ERRORS.CAMERA_SILENT);
        return last.report.available ? { ok: true } : failure(OPS_ERRORS.CAMERA_UNAVAILABLE, last.report.reason);
      },
    };
  }
}
