/**
 * Events in any order, including stale and nonsensical ones, never crash the session and never
 * break its promises: every snapshot passes the contract, at most one guard timer runs and the
 * runner's view of it matches the state, the camera is on only on the face screen, the PIN is
 * sent only by a patient's submit, and a grace-period request never carries a consent.
 *
 * Each step is either what a patient, staff member or device would sensibly do next on the
 * current screen (so runs get deep into the flow) or a random event from anywhere (stale
 * answers, misplaced touches, a pulled card, timers).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Intent } from '../../../src/shared/intents.js';
import type { SessionEffect } from '../../../src/main/session/effects.js';
import type { CardFacts, QualificationAnswer, SessionEvent } from '../../../src/main/session/events.js';
import { CLINIC_MORNING, Kiosk, VALID_ANSWER } from './kiosk-harness.js';

const INTENTS: Intent[] = [
  { type: 'set-language', language: 'en' },
  { type: 'set-large-text', on: true },
  { type: 'choose-method', method: 'face' },
  { type: 'choose-method', method: 'pin' },
  { type: 'pin-digit', digit: 7 },
  { type: 'pin-delete' },
  { type: 'pin-submit' },
  { type: 'continue' },
  { type: 'agree-terms' },
  { type: 'consent-all' },
  { type: 'consent-individually' },
  { type: 'consent-item', item: 'medication', agree: true },
  { type: 'consent-confirm' },
  { type: 'choose-prescription', form: 'electronic' },
  { type: 'retry-face' },
  { type: 'use-pin-instead' },
  { type: 'call-staff' },
  { type: 'staff-request-visual-check' },
  { type: 'staff-passcode', passcode: '2468' },
  { type: 'staff-visual-check-result', confirmed: true },
  { type: 'staff-cancel' },
  { type: 'admin-ping' },
];

const DAY = 24 * 3600 * 1000;
const cardFacts: fc.Arbitrary<CardFacts> = fc.record({
  kind: fc.constantFrom('my-number-card' as const, 'my-number-card' as const, 'other' as const),
  registered: fc.boolean(),
  pinless: fc.boolean(),
  pinTriesLeft: fc.integer({ min: 0, max: 3 }),
  // From well past grace to years ahead: every expiry phase occurs.
  certificateNotAfter: fc.integer({ min: -200, max: 400 }).map((days) => new Date(CLINIC_MORNING.getTime() + days * DAY)),
});
const ANSWERS: QualificationAnswer[] = [
  VALID_ANSWER,
  { outcome: 'invalid', name: null, kanaName: null, oldInsurance: { insurerName: null, insurerNumber: null, sharePercent: null } },
  { outcome: 'not-found' },
  { outcome: 'unreachable' },
];

type RequestEffect = 'read-card' | 'start-face-match' | 'verify-pin' | 'verify-staff-passcode' | 'register-card' | 'lookup-consent' | 'request-qualification';

/** One step: `pick` chooses among the options, `card` is used if a card read is chosen. */
interface Step {
  readonly sensible: boolean;
  readonly pick: number;
  readonly card: CardFacts;
  /** Aim answers at an older request id, to exercise stale answers. */
  readonly stale: boolean;
}

const step: fc.Arbitrary<Step> = fc.record({
  sensible: fc.nat(7).map((n) => n !== 0), // 7 in 8 sensible
  pick: fc.nat(1000),
  card: cardFacts,
  stale: fc.nat(7).map((n) => n === 0), // 1 in 8 answers an older request
});

function requestId(kiosk: Kiosk, type: RequestEffect, stale: boolean): number {
  const ids = kiosk.all(type).map((effect) => effect.requestId);
  return (stale ? ids.at(-2) : ids.at(-1)) ?? 0;
}

const intent = (i: Intent): SessionEvent => ({ type: 'intent', intent: i });

/** What someone at the counter (or the device) would plausibly do next on this screen. */
function sensibleEvents(kiosk: Kiosk, s: Step): SessionEvent[] {
  const id = (type: RequestEffect) => requestId(kiosk, type, s.stale);
  const timer = kiosk.state.timer === null ? [] : [{ type: 'timer-fired' as const, id: kiosk.state.timer }];
  const phase = kiosk.state.phase;
  switch (phase.name) {
    case 'standby':
      return [{ type: 'card-inserted', at: CLINIC_MORNING }];
    case 'reading':
      return [{ type: 'card-read', requestId: id('read-card'), card: s.card }];
    case 'card-unusable':
    case 'done':
    case 'error':
      return [{ type: 'card-removed' }, ...timer];
    case 'registration-terms':
      return [intent({ type: 'agree-terms' })];
    case 'method-choice':
      return [
        intent({ type: 'choose-method', method: 'face' }),
        intent({ type: 'choose-method', method: 'pin' }),
        intent({ type: 'staff-request-visual-check' }),
        intent({ type: 'call-staff' }),
      ];
    case 'face':
      return (['match', 'no-match', 'cannot-judge'] as const)
        .map((outcome): SessionEvent => ({ type: 'face-result', requestId: id('start-face-match'), outcome }))
        .concat([{ type: 'face-progress', requestId: id('start-face-match'), hint: 'backlight' }, intent({ type: 'use-pin-instead' })]);
    case 'face-failed':
      return [intent({ type: 'retry-face' }), intent({ type: 'use-pin-instead' }), intent({ type: 'call-staff' })];
    case 'pin-entry':
      return phase.digits.length < 4 ? [intent({ type: 'pin-digit', digit: s.pick % 10 })] : [intent({ type: 'pin-submit' })];
    case 'pin-verifying':
      return [
        { type: 'pin-result', requestId: id('verify-pin'), outcome: 'ok' },
        { type: 'pin-result', requestId: id('verify-pin'), outcome: 'wrong', triesLeft: s.pick % 3 },
        { type: 'pin-result', requestId: id('verify-pin'), outcome: 'blocked' },
      ];
    case 'staff-needed':
      return [intent({ type: 'staff-request-visual-check' }), intent({ type: 'staff-cancel' })];
    case 'staff-passcode':
      return [intent({ type: 'staff-passcode', passcode: '2468' })];
    case 'staff-passcode-verifying':
      return [true, false].map((ok) => ({ type: 'staff-passcode-result', requestId: id('verify-staff-passcode'), ok }));
    case 'visual-check':
      return [true, false].map((confirmed) => intent({ type: 'staff-visual-check-result', confirmed }));
    case 'registering':
      return [true, false].map((ok) => ({ type: 'registration-result', requestId: id('register-card'), ok }));
    case 'registration-complete':
    case 'expiry-notice':
      return [intent({ type: 'continue' })];
    case 'consent-choice':
      return [intent({ type: 'consent-all' }), intent({ type: 'consent-individually' })];
    case 'consent-items':
      return [
        ...(['surgery', 'medication', 'checkup'] as const).map((item) => intent({ type: 'consent-item', item, agree: s.pick % 2 === 0 })),
        intent({ type: 'consent-confirm' }),
      ];
    case 'e-prescription':
      return [intent({ type: 'choose-prescription', form: s.pick % 2 === 0 ? 'paper' : 'electronic' })];
    case 'querying':
      return ANSWERS.map((answer) => ({ type: 'qualification-result', requestId: id('request-qualification'), answer }));
  }
}

/** Anything at all, wherever the session is. */
function randomEvents(kiosk: Kiosk, s: Step): SessionEvent[] {
  const now = new Date(kiosk.state.nowMs);
  return [
    ...INTENTS.map(intent),
    { type: 'card-inserted', at: CLINIC_MORNING },
    { type: 'card-read', requestId: requestId(kiosk, 'read-card', s.stale), card: s.card },
    { type: 'card-removed' },
    { type: 'card-error', code: 'E-CARD-002', message: 'x / x' },
    { type: 'face-result', requestId: requestId(kiosk, 'start-face-match', true), outcome: 'match' },
    { type: 'pin-result', requestId: requestId(kiosk, 'verify-pin', true), outcome: 'ok' },
    { type: 'consent-on-file', requestId: requestId(kiosk, 'lookup-consent', s.stale), grantedAt: new Date(now.getTime() - (s.pick % 48) * 3600_000) },
    { type: 'consent-on-file', requestId: requestId(kiosk, 'lookup-consent', s.stale), grantedAt: null },
    { type: 'qualification-result', requestId: requestId(kiosk, 'request-qualification', true), answer: VALID_ANSWER },
    { type: 'timer-fired', id: `timer-${s.pick % 40}` },
    ...(kiosk.state.timer === null ? [] : [{ type: 'timer-fired' as const, id: kiosk.state.timer }]),
    { type: 'tick', now: new Date(now.getTime() + (s.pick % 120) * 60_000) },
  ];
}

function nextEvent(kiosk: Kiosk, s: Step): SessionEvent {
  const options = s.sensible ? sensibleEvents(kiosk, s) : randomEvents(kiosk, s);
  const chosen = options[s.pick % options.length];
  if (chosen === undefined) throw new Error('no option');
  return chosen;
}

describe('any order of events', () => {
  it('keeps every promise of the session', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80, size: 'max' }), fc.boolean(), (steps, askPrescription) => {
        const kiosk = new Kiosk({ askPrescription, maxFaceAttempts: 2 });
        const runningTimers = new Set<string>();
        let cameraOn = false;
        for (const s of steps) {
          const event = nextEvent(kiosk, s);
          // The runner forgets a timer once it has fired.
          if (event.type === 'timer-fired') runningTimers.delete(event.id);
          const { effects, handled } = kiosk.send(event); // also validates the snapshot
          for (const effect of effects) {
            if (effect.type === 'start-timer') runningTimers.add(effect.id);
            if (effect.type === 'cancel-timer') runningTimers.delete(effect.id);
            if (effect.type === 'start-face-match') cameraOn = true;
            if (effect.type === 'stop-face-match') cameraOn = false;
          }
          expect([...runningTimers]).toEqual(kiosk.state.timer === null ? [] : [kiosk.state.timer]);
          expect(cameraOn).toBe(kiosk.state.phase.name === 'face');
          expectPinOnlyFromSubmit(event, effects, handled);
          const request = effects.find((e) => e.type === 'request-qualification');
          if (request !== undefined && kiosk.state.patient?.expiryPhase === 'grace') {
            expect(request.consent).toEqual({ kind: 'none', reason: 'grace-period' });
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

function expectPinOnlyFromSubmit(event: SessionEvent, effects: readonly SessionEffect[], handled: boolean): void {
  const verifies = effects.filter((e) => e.type === 'verify-pin').length;
  const isSubmit = event.type === 'intent' && event.intent.type === 'pin-submit' && handled;
  expect(verifies).toBe(isSubmit ? 1 : 0);
}
