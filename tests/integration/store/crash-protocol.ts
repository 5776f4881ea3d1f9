/** What the crash test and its child process agree on. */
import { z } from 'zod';

export const crashChildConfigSchema = z.object({
  db: z.string(),
  receipts: z.string(),
  simUrl: z.string(),
  deviceId: z.string(),
  deviceJwk: z.record(z.string(), z.unknown()),
  cards: z.array(z.string()),
  from: z.number().int(),
  total: z.number().int(),
});

export function sessionRequestId(i: number): string {
  return `crash-session-${String(i).padStart(4, '0')}`;
}
