/**
 * What the durable queue holds for a confirmation deferred by an outage, and what it records when
 * the confirmation finally happens, including what changed against the facts reception used.
 */
import { z } from 'zod';
import { qualificationRequestSchema, qualificationResponseSchema, rejectionReasonSchema, type QualificationResponse } from './protocol.js';
import { shareLabel } from './staff-view.js';

/** Facts reception went on while the service was down (from the card and the patient). */
export const provisionalFactsSchema = z.object({
  /** カナ氏名 from the card (券面事項入力補助) or OCR. */
  nameKana: z.string().nullable(),
  /** The share the patient declared (申告), e.g. "030", if asked. */
  declaredRatio: z.string().regex(/^\d{3}$/).nullable(),
});
export type ProvisionalFacts = z.infer<typeof provisionalFactsSchema>;

export const pendingPayloadSchema = z.object({
  /** Ready to send: carries a deferred device attestation (no nonce), so no card is needed later. */
  request: qualificationRequestSchema,
  visitedAtMs: z.number().int(),
  provisional: provisionalFactsSchema,
});
export type PendingPayload = z.infer<typeof pendingPayloadSchema>;

export const changeSchema = z.object({ field: z.string(), before: z.string(), after: z.string() });
export type Change = z.infer<typeof changeSchema>;

export const pendingResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('confirmed'), response: qualificationResponseSchema, receiptFile: z.string(), changes: z.array(changeSchema) }),
  z.object({ outcome: z.literal('rejected'), reason: rejectionReasonSchema, code: z.string(), message: z.string() }),
]);
export type PendingResult = z.infer<typeof pendingResultSchema>;

/** What staff must know changed between reception (provisional) and the confirmed answer. */
export function changesAgainst(provisional: ProvisionalFacts, response: QualificationResponse): Change[] {
  const changes: Change[] = [{ field: '資格確認', before: '未確認', after: `QualificationValidity ${response.validity}` }];
  const q = response.qualification;
  if (q === null) return changes;
  const ratio = q.elderlyRecipient?.contributionRatio ?? q.partialContributionRatio;
  if (provisional.declaredRatio !== null && provisional.declaredRatio !== ratio) {
    changes.push({ field: '負担割合', before: `${shareLabel(provisional.declaredRatio)} (申告)`, after: shareLabel(ratio) });
  }
  if (provisional.nameKana !== null && provisional.nameKana !== q.nameKana) {
    changes.push({ field: 'カナ氏名', before: provisional.nameKana, after: q.nameKana });
  }
  return changes;
}
