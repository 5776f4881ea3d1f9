/**
 * Restart history (再起動履歴) for the admin screen, and the scheduler's memory across restarts:
 * the latest slot with any outcome is never run twice, even when the restart killed the process
 * that wrote "started".
 */
import { z } from 'zod';

export const restartRecordSchema = z.object({
  /** The slot this record is about (epoch ms of its scheduled start). */
  slotAtMs: z.number().int(),
  /** When this record was written. */
  atMs: z.number().int(),
  outcome: z.enum(['started', 'completed', 'failed', 'skipped']),
  action: z.enum(['relaunch-kiosk', 'reset-card-stack', 'os-command']),
  /** Why a slot was skipped: a patient at the kiosk for the whole window, or the kiosk was off. */
  reason: z.enum(['busy-whole-window', 'kiosk-off']).optional(),
  /** Staff code for failed and skipped slots. */
  errorCode: z.string().optional(),
});
export type RestartRecord = z.infer<typeof restartRecordSchema>;

export interface RestartHistory {
  append(record: RestartRecord): void;
  /** slotAtMs of the newest record, whatever its outcome. */
  lastHandledSlotMs(): number | undefined;
}
