/**
 * What the session asks the outside world to do. Effects are plain data; the effect runner
 * (src/main/core) executes them against the card, camera, stores, service and timers, and
 * feeds the answers back as events carrying the same `requestId`.
 */
import type { ConsentItem, IdentityMethod } from '../../shared/snapshot.js';
import type { AuditEvent } from './audit.js';
import type { Secret } from './secret.js';

/** The consent that travels with a qualification request. */
export type ConsentToSend =
  /** Answers given now, per item (全て同意 gives true for every item the facility asks). */
  | { readonly kind: 'given'; readonly items: Readonly<Partial<Record<ConsentItem, boolean>>> }
  /** A consent under 24 h old is on file: the service keeps using it; nothing is asked. */
  | { readonly kind: 'on-file' }
  /** Nothing is sent: grace period (PRODUCT.md §3.3), or the facility asks no items. */
  | { readonly kind: 'none'; readonly reason: 'grace-period' | 'no-items' };

export type GivenConsent = Extract<ConsentToSend, { kind: 'given' }>;

export type SessionEffect =
  /** Read token and certificate without the PIN; answer with card-read or card-error. */
  | { readonly type: 'read-card'; readonly requestId: number }
  /** Ask the consent store for this card's latest consent; answer with consent-on-file. */
  | { readonly type: 'lookup-consent'; readonly requestId: number }
  /** Open the camera and match against the chip photo; answer with face-progress / face-result. */
  | { readonly type: 'start-face-match'; readonly requestId: number }
  /** Close the camera and drop every frame and the chip photo. */
  | { readonly type: 'stop-face-match' }
  /** One VERIFY with the PIN, exactly once; answer with pin-result. Never repeat it on failure. */
  | { readonly type: 'verify-pin'; readonly requestId: number; readonly pin: Secret }
  | { readonly type: 'verify-staff-passcode'; readonly requestId: number; readonly passcode: Secret }
  /**
   * Start unlocking the chip photo now, while the patient reads the method choice, so 顔認証 (or
   * 目視) need not wait for the card-face scan and OCR. No answer: the photo stays in main memory
   * for this insertion only, and start-face-match / load-chip-photo use it.
   */
  | { readonly type: 'prefetch-chip-photo' }
  /** Wipe a prefetched chip photo: the patient took the PIN path, or the visit is over. */
  | { readonly type: 'forget-chip-photo' }
  /** 目視: unlock the card's photo for staff to see; answer with chip-photo. */
  | { readonly type: 'load-chip-photo'; readonly requestId: number }
  /** 健康保険証利用登録 with the identity just confirmed; answer with registration-result. */
  | { readonly type: 'register-card'; readonly requestId: number; readonly method: IdentityMethod }
  /** Persist a consent given now (it lasts 24 h). */
  | { readonly type: 'record-consent'; readonly consent: GivenConsent; readonly at: Date }
  | {
      readonly type: 'request-qualification';
      readonly requestId: number;
      readonly method: IdentityMethod;
      readonly consent: ConsentToSend;
      readonly ePrescription: 'electronic' | 'paper' | null;
    }
  /** The service did not answer in time: stop waiting and keep the request in the pending queue. */
  | { readonly type: 'defer-qualification'; readonly requestId: number }
  /** Fire timer-fired with `id` after `ms`; a timer with the same id is replaced. */
  | { readonly type: 'start-timer'; readonly id: string; readonly ms: number }
  | { readonly type: 'cancel-timer'; readonly id: string }
  | { readonly type: 'audit'; readonly event: AuditEvent };
