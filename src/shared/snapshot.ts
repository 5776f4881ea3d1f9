/**
 * What the renderer sees of a session: a plain, serialisable picture of the current screen.
 * The renderer draws only from this; it never decides flow. Owned by the session engine
 * (src/main/session/snapshot.ts derives it from the reducer state).
 */
import { z } from 'zod';
import { languageSchema } from './languages.js';
import { kioskErrorSchema } from './errors.js';

export const authMethodSchema = z.enum(['face', 'pin']);
export type AuthMethod = z.infer<typeof authMethodSchema>;

export const consentItemSchema = z.enum(['surgery', 'medication', 'checkup']);
export type ConsentItem = z.infer<typeof consentItemSchema>;

const common = {
  /** Increases with every snapshot, so a client can drop stale ones. */
  seq: z.number().int().nonnegative(),
  language: languageSchema,
  largeText: z.boolean(),
};

export const sessionSnapshotSchema = z.discriminatedUnion('screen', [
  z.object({ ...common, screen: z.literal('standby') }),
  z.object({ ...common, screen: z.literal('reading') }),
  z.object({
    ...common,
    screen: z.literal('method-choice'),
    methods: z.array(authMethodSchema),
    staffVisualCheck: z.boolean(),
  }),
  z.object({ ...common, screen: z.literal('error'), error: kioskErrorSchema }),
]);
export type SessionSnapshot = z.infer<typeof sessionSnapshotSchema>;
export type Screen = SessionSnapshot['screen'];
