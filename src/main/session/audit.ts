/**
 * Audit events the session emits (written to the audit log by the runner). They record what
 * happened for trouble statistics and staff questions, never a PIN, passcode, name or image.
 */
import type { AuthPurpose, IdentityMethod, QualificationOutcome } from '../../shared/snapshot.js';
import type { ExpiryPhase } from './expiry.js';
import type { ConsentToSend } from './effects.js';
import type { PhaseName } from './state.js';

export type AuditEvent =
  | { readonly kind: 'session-started' }
  | {
      readonly kind: 'card-read';
      readonly cardKind: 'my-number-card' | 'other';
      readonly registered: boolean;
      /**
       * 暗証番号設定なしカード. Named without "pin": the store's privacy guard refuses any key that
       * names a PIN, whatever its value, and would drop the whole entry.
       */
      readonly noSecretCode: boolean;
      readonly expiryPhase: ExpiryPhase;
    }
  | { readonly kind: 'card-error'; readonly code: string; readonly step: PhaseName }
  | { readonly kind: 'authenticated'; readonly method: IdentityMethod; readonly purpose: AuthPurpose }
  | { readonly kind: 'face-failed'; readonly outcome: 'no-match' | 'cannot-judge' | 'timeout' | 'photo-locked'; readonly attempt: number }
  | { readonly kind: 'pin-wrong'; readonly triesLeft: number }
  | { readonly kind: 'pin-blocked' }
  | { readonly kind: 'staff-passcode'; readonly ok: boolean }
  | { readonly kind: 'visual-check'; readonly confirmed: boolean }
  | { readonly kind: 'registration'; readonly ok: boolean }
  | { readonly kind: 'consent'; readonly consent: ConsentToSend['kind'] }
  | { readonly kind: 'qualification'; readonly outcome: QualificationOutcome }
  | { readonly kind: 'timeout'; readonly step: PhaseName; readonly code: string }
  | { readonly kind: 'session-ended'; readonly reason: 'card-removed' | 'error-timeout'; readonly step: PhaseName };
