/**
 * QualificationGateway: what the session's effect runner calls to confirm a qualification
 * (オンライン資格確認). Implementations never throw for service trouble; they answer with a typed
 * outcome so the session can decide (show the result, queue for later, send to staff).
 */
import type { NonceResponse, QualificationRequest, QualificationResponse, RejectionReason } from './protocol.js';

/** The service could not be used right now (down, slow, broken answers): queue and retry later. */
export interface Unreachable {
  readonly kind: 'unreachable';
  readonly code: string;
  readonly detail: string;
  readonly attempts: number;
}

export type NonceOutcome = { readonly kind: 'nonce'; readonly nonce: NonceResponse } | Unreachable;

export type ConfirmOutcome =
  | { readonly kind: 'confirmed'; readonly response: QualificationResponse }
  /** The service answered and refused: the same request will never succeed. */
  | {
      readonly kind: 'rejected';
      readonly reason: RejectionReason;
      readonly code: string;
      readonly message: string;
      /** The certificate's notAfter when the service names it (certificate-expired). */
      readonly certificateNotAfterMs: number | null;
    }
  | Unreachable;

export interface QualificationGateway {
  /** A fresh service nonce for the card (PIN) or the device (face / 目視) to sign. */
  issueNonce(): Promise<NonceOutcome>;
  /** Confirms one qualification. Safe to repeat with the same requestId. */
  confirm(request: QualificationRequest): Promise<ConfirmOutcome>;
}
