/**
 * Everything that can happen to a session: parsed intents from the screens, and the answers of
 * the card, the camera, the stores, the qualification service and the clock, delivered by the
 * effect runner. Answers to a request echo its `requestId`, so an answer that arrives after the
 * session moved on (card pulled, timeout) is recognised as stale and ignored.
 */
import type { Intent } from '../../shared/intents.js';
import type { FaceHint } from '../../shared/snapshot.js';
import type { SessionConfig } from './config.js';

/** What the card tells about itself during the PIN-less read (token + certificate). */
export interface CardFacts {
  /** 'other': an IC card that is not a マイナンバーカード (reader error 002). */
  readonly kind: 'my-number-card' | 'other';
  /** 健康保険証利用登録 done. */
  readonly registered: boolean;
  /** 顔認証マイナンバーカード: PIN function locked by design; only face or 目視. */
  readonly pinless: boolean;
  /** 暗証番号 残り回数 from the card's VERIFY status (0 = locked). */
  readonly pinTriesLeft: number;
  /** notAfter of the 利用者証明用電子証明書. */
  readonly certificateNotAfter: Date;
}

/** Insurer facts as the qualification service returns them. */
export interface InsuranceFacts {
  readonly insurerName: string | null;
  readonly insurerNumber: string | null;
  readonly sharePercent: number | null;
}

/**
 * The service's answer, already mapped from QualificationValidity by the gateway: 1 and 6 valid,
 * 2 and 3 invalid (with the old qualification), 4 and 5 (no single match) not-found, which
 * sends staff down the self-declaration path. 'unreachable' means the runner queued the request;
 * 'rejected' that the service refused it (retrying cannot help).
 */
export type QualificationAnswer =
  | {
      readonly outcome: 'valid';
      /** 氏名 as sent; used only to spot "●" (PRODUCT.md §3.7), never shown. */
      readonly name: string | null;
      readonly kanaName: string | null;
      readonly insurance: InsuranceFacts;
    }
  | {
      readonly outcome: 'invalid';
      readonly name: string | null;
      readonly kanaName: string | null;
      /** 旧資格 */
      readonly oldInsurance: InsuranceFacts;
    }
  | { readonly outcome: 'not-found' }
  | { readonly outcome: 'unreachable' }
  /**
   * The service answered with a refusal; `code` is its staff code (E-OQS-…), and
   * `certificateNotAfter` the expiry the service named (certificate expired), else null.
   */
  | { readonly outcome: 'rejected'; readonly code: string; readonly certificateNotAfter: Date | null };

export type SessionEvent =
  | { readonly type: 'intent'; readonly intent: Intent }
  | { readonly type: 'card-inserted'; readonly at: Date }
  | { readonly type: 'card-read'; readonly requestId: number; readonly card: CardFacts }
  | { readonly type: 'card-removed' }
  /** The card or reader failed; `code` is a staff code from the card module (E-CARD-…). */
  | { readonly type: 'card-error'; readonly code: string; readonly message: string }
  /**
   * IT staff saved the facility settings (施設設定). Applied at standby only: a patient keeps the
   * settings their visit started with, and the next card insertion reads them again anyway.
   */
  | { readonly type: 'settings-changed'; readonly config: SessionConfig }
  /** The face services settled (or changed): whether 顔認証 can be offered (E-CFS-001, E-SYS-011 when not). */
  | { readonly type: 'face-availability'; readonly available: boolean }
  | { readonly type: 'face-progress'; readonly requestId: number; readonly hint: FaceHint }
  | {
      readonly type: 'face-result';
      readonly requestId: number;
      /** `photo-locked`: the card front did not unlock the chip photo (E-CFS-004/005), so face cannot work for this card. */
      readonly outcome: 'match' | 'no-match' | 'cannot-judge' | 'photo-locked';
    }
  | { readonly type: 'pin-result'; readonly requestId: number; readonly outcome: 'ok' }
  | { readonly type: 'pin-result'; readonly requestId: number; readonly outcome: 'wrong'; readonly triesLeft: number }
  | { readonly type: 'pin-result'; readonly requestId: number; readonly outcome: 'blocked' }
  | { readonly type: 'staff-passcode-result'; readonly requestId: number; readonly ok: boolean }
  /** The chip photo for 目視 as a PNG data URL, or the staff code saying why it cannot be shown. */
  | {
      readonly type: 'chip-photo';
      readonly requestId: number;
      readonly photo: { readonly ok: true; readonly dataUrl: string } | { readonly ok: false; readonly code: string };
    }
  | { readonly type: 'registration-result'; readonly requestId: number; readonly ok: boolean }
  /** The consent store's answer: when this card's latest consent was given, or null. */
  | {
      readonly type: 'consent-on-file';
      readonly requestId: number;
      readonly grantedAt: Date | null;
    }
  | { readonly type: 'qualification-result'; readonly requestId: number; readonly answer: QualificationAnswer }
  | { readonly type: 'timer-fired'; readonly id: string }
  /** The clock, at least once a second while a card is present. */
  | { readonly type: 'tick'; readonly now: Date };
