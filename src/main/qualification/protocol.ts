/**
 * The HTTP protocol between the kiosk and the qualification service (the simulator here, a relay
 * to the closed medical network in deployment). Declared once: the gateway client parses every
 * response with these schemas and the simulator parses every request with them.
 *
 * Field names of the qualification follow the XML layout facts in reader-field-guide.md §4.4.
 */
import { z } from 'zod';
import { consentItemSchema } from '../../shared/snapshot.js';

const yyyymmdd = z.string().regex(/^\d{8}$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

/** How the person was identified at the kiosk. */
export const identityMethodSchema = z.enum(['pin', 'face', 'visual']);
export type IdentityMethod = z.infer<typeof identityMethodSchema>;

export const nonceResponseSchema = z.object({ nonce: base64, expiresAtMs: z.number().int() });
export type NonceResponse = z.infer<typeof nonceResponseSchema>;

/**
 * Proof that the card holder is present.
 * - pin: the card signed the service nonce with its 利用者証明用 key (PKCS#1 v1.5, SHA-256).
 * - device: the kiosk's registered device key attests that it verified the person by face or
 *   目視 (live, with a nonce), or earlier while the service was down (deferred, no nonce).
 */
export const authProofSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('card-signature'), nonce: base64, signature: base64 }),
  z.object({
    kind: z.literal('device-attestation'),
    method: identityMethodSchema,
    deviceId: z.string().min(1).max(64),
    /** Service nonce for a live check; null for a deferred confirmation after an outage. */
    nonce: base64.nullable(),
    verifiedAtMs: z.number().int().nonnegative(),
    attestation: base64,
  }),
]);
export type AuthProof = z.infer<typeof authProofSchema>;

export const consentPayloadSchema = z.object({
  items: z.array(consentItemSchema),
  givenAtMs: z.number().int().nonnegative(),
});
export type ConsentPayload = z.infer<typeof consentPayloadSchema>;

export const qualificationRequestSchema = z.object({
  /** Chosen by the kiosk; the service answers a repeated id with the same result (safe retries). */
  requestId: z.string().min(8).max(64),
  medicalInstitutionCode: z.string().regex(/^\d{10}$/),
  /** The card's 利用者証明用電子証明書, DER in base64. */
  certificate: base64,
  auth: authProofSchema,
  /** Null in the certificate grace period: no consent is asked or sent (PRODUCT.md §3.3). */
  consent: consentPayloadSchema.nullable(),
  /** PrescriptionIssueSelect: electronic or paper, or null where the facility does not ask. */
  prescription: z.enum(['electronic', 'paper']).nullable(),
});
export type QualificationRequest = z.infer<typeof qualificationRequestSchema>;

/** 高齢受給者 (70–74) certificate facts. */
export const elderlyRecipientSchema = z.object({
  /** 一部負担金割合 as on the certificate, e.g. "020". */
  contributionRatio: z.string().regex(/^\d{3}$/),
  validFrom: yyyymmdd,
  validTo: yyyymmdd,
});

/** 限度額適用 facts: 適用区分 code (A01–A06, B01–B10). */
export const limitApplicationSchema = z.object({
  classificationCode: z.string().regex(/^[AB]\d{2}$/),
  validFrom: yyyymmdd,
  validTo: yyyymmdd.nullable(),
});

export const qualificationSchema = z.object({
  /** InsuredCardClassification: 01 一般 … 07 自衛官, A1 医療扶助. */
  insuredCardClassification: z.string().regex(/^[0-9A-Z]{2}$/),
  insurerNumber: z.string().regex(/^\d{6}$|^\d{8}$/),
  insurerName: z.string(),
  /** 記号: absent for 国保 of some insurers and for 後期高齢者. */
  insuredCardSymbol: z.string().nullable(),
  insuredIdentificationNumber: z.string().min(1),
  /** 枝番: two digits. */
  insuredBranchNumber: z.string().regex(/^\d{2}$/).nullable(),
  /** PersonalFamilyClassification: 1 本人, 2 家族. */
  personalFamilyClassification: z.enum(['1', '2']),
  /** 氏名 as registered; characters outside the shared set arrive as "●". */
  name: z.string(),
  nameKana: z.string(),
  /** Sex1: 1 male, 2 female. */
  sex: z.enum(['1', '2']),
  birthdate: yyyymmdd,
  address: z.string(),
  postNumber: z.string().regex(/^\d{3}-?\d{4}$/).nullable(),
  qualificationDate: yyyymmdd,
  disqualificationDate: yyyymmdd.nullable(),
  /** ReasonOfLoss: 01 死亡, 02 生活保護, 03 他保険, 99 その他. */
  reasonOfLoss: z.enum(['01', '02', '03', '99']).nullable(),
  /** InsuredPartialContributionRatio: "010", "020", "030". */
  partialContributionRatio: z.string().regex(/^\d{3}$/),
  elderlyRecipient: elderlyRecipientSchema.nullable(),
  limitApplication: limitApplicationSchema.nullable(),
});
export type Qualification = z.infer<typeof qualificationSchema>;

export const qualificationResponseSchema = z.object({
  requestId: z.string(),
  processedAtMs: z.number().int(),
  validity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
  /** The current qualification (1, 6) or the old one (2, 3); null for 4 and 5. */
  qualification: qualificationSchema.nullable(),
  /** How many people matched (2 or more for validity 5). */
  matchCount: z.number().int().nonnegative(),
  /** 付帯情報 (ProcessingResultMessage), e.g. the certificate expires within 3 months. */
  notice: z.string().nullable(),
});
export type QualificationResponse = z.infer<typeof qualificationResponseSchema>;

/** Why the service refused a request: permanent, retrying does not help. */
export const rejectionReasonSchema = z.enum([
  'bad-request',
  'bad-signature',
  'unknown-device',
  'nonce-invalid',
  'certificate-untrusted',
  'certificate-expired',
  'certificate-revoked',
  'not-registered',
]);
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

export const errorResponseSchema = z.object({
  error: z.object({
    reason: rejectionReasonSchema,
    message: z.string(),
    /** certificate-expired: the certificate's notAfter, so staff and patient see the date. */
    certificateNotAfterMs: z.number().int().optional(),
  }),
});

export const registrationRequestSchema = z.object({
  certificate: base64,
  nonce: base64,
  /** The card's signature over the nonce: only the card holder can register (利用登録). */
  signature: base64,
  /**
   * Stand-in for the My Number link the real service makes: the registry's person id. The kiosk
   * never sends a My Number.
   */
  personId: z.string().min(1),
});
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;

/** POST /v1/registrations/status: is this certificate registered (利用登録), and whose card is it? */
export const registrationStatusRequestSchema = z.object({ certificate: base64 });
export type RegistrationStatusRequest = z.infer<typeof registrationStatusRequestSchema>;

export const registrationStatusSchema = z.object({
  registered: z.boolean(),
  /** The person the service links the certificate to (the personId of a registration); null if unknown. */
  personId: z.string().min(1).nullable(),
});
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

/** What a device attestation signs: every fact the service relies on, in a fixed order. */
export function attestationMessage(requestId: string, proof: { method: IdentityMethod; nonce: string | null; verifiedAtMs: number }, certificateSha256Hex: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    ['oqs-attest-v1', requestId, proof.method, proof.nonce ?? '-', String(proof.verifiedAtMs), certificateSha256Hex].join('|'),
  );
}
