/**
 * Executes the session's effects against the outside world and turns every answer, and every
 * failure, into a session event. This is the only place where the pure reducer meets hardware,
 * the service, the stores and the clock. A port that throws never escapes: the failure becomes a
 * typed event (card-error, or the documented "unreachable" answer) so the session always moves on.
 */
import type { SessionEffect, ConsentToSend } from '../session/effects.js';
import type { SessionEvent, CardFacts, QualificationAnswer } from '../session/events.js';
import type { AuditEvent } from '../session/audit.js';
import type { Secret } from '../session/secret.js';
import type { ConsentItem, FaceHint, IdentityMethod } from '../../shared/snapshot.js';
import { ERROR_CODES, KioskError } from '../../shared/errors.js';
import type { EffectRunner } from './session-runner.js';
import type { Logger } from './logger.js';

export type PinOutcome = { outcome: 'ok' } | { outcome: 'wrong'; triesLeft: number } | { outcome: 'blocked' };

/** The card on the reader right now (the reader monitor knows which one that is). */
export interface CardPort {
  readFacts(): Promise<CardFacts>;
  /** Exactly one VERIFY; the port never retries. */
  verifyPin(pin: Secret): Promise<PinOutcome>;
}

export interface FacePort {
  /**
   * Opens the camera path and matches against the chip photo; hints while it looks.
   * `photo-locked`: the card front did not unlock the chip photo, so face cannot work for this card.
   */
  match(onHint: (hint: FaceHint) => void): Promise<'match' | 'no-match' | 'cannot-judge' | 'photo-locked'>;
  /** Stops matching and drops every frame and the chip photo. */
  stop(): void;
  /**
   * Starts unlocking the chip photo of the card on the reader, kept in memory for this insertion
   * so match() and staffPhoto() need not wait for it. Absent where face cannot work.
   */
  prefetchChipPhoto?(): void;
  /** Wipes a photo prefetchChipPhoto() unlocked (or is still unlocking). */
  forgetChipPhoto?(): void;
  /** 目視: the chip photo of the card on the reader as a PNG data URL, for staff to see (and then drop). */
  staffPhoto(): Promise<string>;
}

export interface ConsentPort {
  /** When this card's latest consent was given, or null; the session decides if it still holds. */
  latestGrantedAt(): Date | null;
  record(items: Readonly<Partial<Record<ConsentItem, boolean>>>, at: Date): void;
}

export interface QualificationPort {
  request(query: { method: IdentityMethod; consent: ConsentToSend; ePrescription: 'electronic' | 'paper' | null }): Promise<QualificationAnswer>;
  /** The session stopped waiting: keep the request queued and confirm it later. */
  defer(): void;
  register(method: IdentityMethod): Promise<boolean>;
}

export interface StaffPort {
  verifyPasscode(passcode: Secret): Promise<boolean>;
}

export interface AuditPort {
  append(event: AuditEvent): void;
}

export interface KioskPorts {
  card: CardPort;
  face: FacePort;
  consents: ConsentPort;
  qualification: QualificationPort;
  staff: StaffPort;
  audit: AuditPort;
  now(): Date;
}

/** Ticks keep time-based rules (reminders, expiry at midnight) current without the reducer reading a clock. */
export const TICK_MS = 1000;

export function createEffectRunner(ports: KioskPorts, log: Logger): EffectRunner<SessionEvent, SessionEffect> & { start(dispatch: (e: SessionEvent) => void): void } {
  const timers = new Map<string, NodeJS.Timeout>();
  let ticker: NodeJS.Timeout | undefined;

  const cardError = (err: unknown): SessionEvent => {
    const known = err instanceof KioskError;
    if (!known) log.error({ err }, 'card port failed unexpectedly');
    return { type: 'card-error', code: known ? err.code : 'E-CARD-999', message: known ? err.message : 'カードの処理に失敗しました / Card operation failed' };
  };

  function settle<T>(work: () => Promise<T>, onValue: (value: T) => SessionEvent, onError: (err: unknown) => SessionEvent, dispatch: (e: SessionEvent) => void) {
    // A port may throw synchronously or reject; either way the session gets exactly one event.
    Promise.resolve()
      .then(work)
      .then(onValue, onError)
      .then(dispatch, (err: unknown) => log.error({ err }, 'effect answer could not be dispatched'));
  }

  // Fire-and-forget effects have no answer event; a failure is logged loudly, never thrown
  // into the reducer loop (the session must still reach standby).
  function guarded(effect: string, work: () => void) {
    try {
      work();
    } catch (err) {
      log.error({ err, effect, code: err instanceof KioskError ? err.code : undefined }, 'effect failed');
    }
  }

  return {
    start(dispatch) {
      ticker ??= setInterval(() => dispatch({ type: 'tick', now: ports.now() }), TICK_MS);
      ticker.unref();
    },
    run(effect, dispatch) {
      switch (effect.type) {
        case 'read-card':
          settle(() => ports.card.readFacts(), (card) => ({ type: 'card-read', requestId: effect.requestId, card }), cardError, dispatch);
          return;
        case 'verify-pin':
          settle(() => ports.card.verifyPin(effect.pin), (result) => ({ type: 'pin-result', requestId: effect.requestId, ...result }), cardError, dispatch);
          return;
        case 'start-face-match':
          settle(
            () => ports.face.match((hint) => dispatch({ type: 'face-progress', requestId: effect.requestId, hint })),
            (outcome) => ({ type: 'face-result', requestId: effect.requestId, outcome }),
            (err) => {
              log.warn({ err, code: err instanceof KioskError ? err.code : undefined }, 'face matching failed');
              return { type: 'face-result', requestId: effect.requestId, outcome: 'cannot-judge' };
            },
            dispatch,
          );
          return;
        case 'stop-face-match':
          guarded('stop-face-match', () => ports.face.stop());
          return;
        case 'prefetch-chip-photo':
          guarded('prefetch-chip-photo', () => ports.face.prefetchChipPhoto?.());
          return;
        case 'forget-chip-photo':
          guarded('forget-chip-photo', () => ports.face.forgetChipPhoto?.());
          return;
        case 'load-chip-photo':
          settle(
            () => ports.face.staffPhoto(),
            (dataUrl) => ({ type: 'chip-photo', requestId: effect.requestId, photo: { ok: true, dataUrl } }),
            (err) => {
              const known = err instanceof KioskError;
              if (!known) log.error({ err }, 'chip photo for 目視 failed unexpectedly');
              return { type: 'chip-photo', requestId: effect.requestId, photo: { ok: false, code: known ? err.code : ERROR_CODES.INTERNAL } };
            },
            dispatch,
          );
          return;
        case 'verify-staff-passcode':
          settle(
            () => ports.staff.verifyPasscode(effect.passcode),
            (ok) => ({ type: 'staff-passcode-result', requestId: effect.requestId, ok }),
            () => ({ type: 'staff-passcode-result', requestId: effect.requestId, ok: false }),
            dispatch,
          );
          return;
        case 'register-card':
          settle(
            () => ports.qualification.register(effect.method),
            (ok) => ({ type: 'registration-result', requestId: effect.requestId, ok }),
            () => ({ type: 'registration-result', requestId: effect.requestId, ok: false }),
            dispatch,
          );
          return;
        case 'lookup-consent':
          settle(
            async () => ports.consents.latestGrantedAt(),
            (grantedAt) => ({ type: 'consent-on-file', requestId: effect.requestId, grantedAt }),
            () => ({ type: 'consent-on-file', requestId: effect.requestId, grantedAt: null }),
            dispatch,
          );
          return;
        case 'record-consent':
          guarded('record-consent', () => ports.consents.record(effect.consent.items, effect.at));
          return;
        case 'request-qualification':
          settle(
            () => ports.qualification.request({ method: effect.method, consent: effect.consent, ePrescription: effect.ePrescription }),
            (answer) => ({ type: 'qualification-result', requestId: effect.requestId, answer }),
            (err) => {
              log.warn({ err }, 'qualification request failed; queued for later');
              return { type: 'qualification-result', requestId: effect.requestId, answer: { outcome: 'unreachable' } };
            },
            dispatch,
          );
          return;
        case 'defer-qualification':
          guarded('defer-qualification', () => ports.qualification.defer());
          return;
        case 'start-timer': {
          clearTimeout(timers.get(effect.id));
          const timer = setTimeout(() => {
            timers.delete(effect.id);
            dispatch({ type: 'timer-fired', id: effect.id });
          }, effect.ms);
          timers.set(effect.id, timer);
          return;
        }
        case 'cancel-timer':
          clearTimeout(timers.get(effect.id));
          timers.delete(effect.id);
          return;
        case 'audit':
          guarded('audit', () => ports.audit.append(effect.event));
          return;
        default:
          assertNever(effect);
      }
    },
    async close() {
      clearInterval(ticker);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      ports.face.stop();
      ports.face.forgetChipPhoto?.();
    },
  };
}

function assertNever(value: never): never {
  throw new Error(`unhandled effect ${JSON.stringify(value)}`);
}
