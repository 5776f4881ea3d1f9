/**
 * Consents (同意) to share past medical information. A consent lasts 24 hours (PRODUCT.md §3.3);
 * within that window the kiosk does not ask again. The subject is an opaque key derived from the
 * card's certificate by the caller, never the My Number.
 */
import { z } from 'zod';
import { consentItemSchema } from '../../shared/snapshot.js';
import { assertNoForbiddenFields } from './privacy-guard.js';
import type { KioskDatabase } from './database.js';

/** 同意の有効期間: 24 hours. */
export const CONSENT_VALIDITY_MS = 24 * 60 * 60 * 1000;

/** 電子処方箋 or 紙: PrescriptionIssueSelect 1 / 2 in the result XML. */
export const prescriptionChoiceSchema = z.enum(['electronic', 'paper']);
export type PrescriptionChoice = z.infer<typeof prescriptionChoiceSchema>;

export const consentSchema = z.object({
  subjectKey: z.string().min(8).max(128),
  givenAtMs: z.number().int().nonnegative(),
  /** Items agreed to; an item asked but refused is simply absent. */
  items: z.array(consentItemSchema),
  prescription: prescriptionChoiceSchema.nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

interface Row {
  subject_key: string;
  given_at_ms: number;
  items: string;
  prescription: PrescriptionChoice | null;
}

export class ConsentStore {
  private readonly insert;
  private readonly latestValid;

  constructor(db: KioskDatabase) {
    this.insert = db.prepare<[string, number, number, string, string | null]>(
      'INSERT INTO consents (subject_key, given_at_ms, expires_at_ms, items, prescription) VALUES (?, ?, ?, ?, ?)',
    );
    this.latestValid = db.prepare<[string, number, number], Row>(
      `SELECT subject_key, given_at_ms, items, prescription FROM consents
        WHERE subject_key = ? AND given_at_ms <= ? AND expires_at_ms > ?
        ORDER BY given_at_ms DESC, id DESC LIMIT 1`,
    );
  }

  record(consent: Consent): void {
    const c = consentSchema.parse(assertNoForbiddenFields(consent));
    this.insert.run(c.subjectKey, c.givenAtMs, c.givenAtMs + CONSENT_VALIDITY_MS, JSON.stringify(c.items), c.prescription);
  }

  /** The most recent consent for this subject that is in force at `atMs`, if any. */
  validAt(subjectKey: string, atMs: number): Consent | undefined {
    const row = this.latestValid.get(subjectKey, atMs, atMs);
    if (row === undefined) return undefined;
    return consentSchema.parse({
      subjectKey: row.subject_key,
      givenAtMs: row.given_at_ms,
      items: JSON.parse(row.items),
      prescription: row.prescription,
    });
  }
}
