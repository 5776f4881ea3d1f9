/**
 * Drives the pure reducer the way the effect runner will: feeds events, keeps every effect, and
 * checks that every snapshot passes the shared contract. Tests read like a patient at the
 * counter: insert a card, touch buttons, answer the card's and the service's requests.
 */
import { sessionSnapshotSchema, type SessionSnapshot } from '../../../src/shared/snapshot.js';
import type { Intent } from '../../../src/shared/intents.js';
import { DEFAULT_SESSION_CONFIG, type SessionConfig } from '../../../src/main/session/config.js';
import type { SessionEffect } from '../../../src/main/session/effects.js';
import type { CardFacts, QualificationAnswer, SessionEvent } from '../../../src/main/session/events.js';
import type { AuditEvent } from '../../../src/main/session/audit.js';
import { initialState, reduce, type ReduceResult } from '../../../src/main/session/reducer.js';
import type { SessionState } from '../../../src/main/session/state.js';
import { toSnapshot } from '../../../src/main/session/snapshot.js';

/** A weekday morning at the clinic, JST. */
export const CLINIC_MORNING = new Date('2026-06-01T09:30:00+09:00');

export function myNumberCard(overrides: Partial<CardFacts> = {}): CardFacts {
  return {
    kind: 'my-number-card',
    registered: true,
    pinless: false,
    pinTriesLeft: 3,
    certificateNotAfter: new Date('2030-03-31T23:59:59+09:00'),
    ...overrides,
  };
}

export const VALID_ANSWER: QualificationAnswer = {
  outcome: 'valid',
  name: '山田 太郎',
  kanaName: 'ヤマダ タロウ',
  insurance: { insurerName: '全国健康保険協会', insurerNumber: '01130012', sharePercent: 30 },
};

type EffectOf<T extends SessionEffect['type']> = Extract<SessionEffect, { type: T }>;

export class Kiosk {
  state: SessionState;
  /** Every effect so far, in order. */
  readonly effects: SessionEffect[] = [];
  /** Effects of the last event only. */
  lastEffects: readonly SessionEffect[] = [];
  readonly snapshots: SessionSnapshot[] = [];

  constructor(config: Partial<SessionConfig> = {}) {
    this.state = initialState({ ...DEFAULT_SESSION_CONFIG, ...config });
  }

  send(event: SessionEvent): ReduceResult {
    const result = reduce(this.state, event);
    this.state = result.state;
    this.lastEffects = result.effects;
    this.effects.push(...result.effects);
    // Every picture the renderer could receive must pass the contract.
    this.snapshots.push(sessionSnapshotSchema.parse(toSnapshot(this.state)));
    return result;
  }

  intent(intent: Intent): ReduceResult {
    return this.send({ type: 'intent', intent });
  }

  get snapshot(): SessionSnapshot {
    return toSnapshot(this.state);
  }

  get screen(): SessionSnapshot['screen'] {
    return this.snapshot.screen;
  }

  /** The snapshot, narrowed to a screen; fails the test when another screen is showing. */
  on<S extends SessionSnapshot['screen']>(screen: S): Extract<SessionSnapshot, { screen: S }> {
    const snapshot = this.snapshot;
    if (snapshot.screen !== screen) throw new Error(`expected screen ${screen}, showing ${snapshot.screen}`);
    return snapshot as Extract<SessionSnapshot, { screen: S }>;
  }

  /** The most recent effect of a type, from all history. */
  last<T extends SessionEffect['type']>(type: T): EffectOf<T> {
    const found = this.all(type).at(-1);
    if (found === undefined) throw new Error(`no ${type} effect yet`);
    return found;
  }

  all<T extends SessionEffect['type']>(type: T): EffectOf<T>[] {
    return this.effects.filter((effect): effect is EffectOf<T> => effect.type === type);
  }

  audits(): AuditEvent[] {
    return this.all('audit').map((effect) => effect.event);
  }

  /** Place a card; the reader answers the read; the consent store answers "nothing on file". */
  insert(card: CardFacts = myNumberCard(), at: Date = CLINIC_MORNING, consentGrantedAt: Date | null = null): this {
    this.send({ type: 'card-inserted', at });
    this.send({ type: 'card-read', requestId: this.last('read-card').requestId, card });
    const lookup = this.all('lookup-consent').at(-1);
    if (lookup !== undefined && this.state.patient?.consentLookupId === lookup.requestId) {
      this.send({ type: 'consent-on-file', requestId: lookup.requestId, grantedAt: consentGrantedAt });
    }
    return this;
  }

  typePin(digits: string): this {
    for (const digit of digits) this.intent({ type: 'pin-digit', digit: Number(digit) });
    return this;
  }

  /** Choose PIN, type it, submit, and let the card accept it. */
  authenticateByPin(): this {
    this.intent({ type: 'choose-method', method: 'pin' });
    this.typePin('1234').intent({ type: 'pin-submit' });
    this.send({ type: 'pin-result', requestId: this.last('verify-pin').requestId, outcome: 'ok' });
    return this;
  }

  authenticateByFace(): this {
    this.intent({ type: 'choose-method', method: 'face' });
    this.send({ type: 'face-result', requestId: this.last('start-face-match').requestId, outcome: 'match' });
    return this;
  }

  answerQualification(answer: QualificationAnswer = VALID_ANSWER): this {
    this.send({ type: 'qualification-result', requestId: this.last('request-qualification').requestId, answer });
    return this;
  }

  /** The guard timer of the current phase fires. */
  fireGuardTimer(): ReduceResult {
    const id = this.state.timer;
    if (id === null) throw new Error(`no guard timer on ${this.screen}`);
    return this.send({ type: 'timer-fired', id });
  }
}
