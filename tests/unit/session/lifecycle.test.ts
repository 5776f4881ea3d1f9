/**
 * ARCHITECTURE.md "Every step has a timeout, a staff-visible error code and a way back to
 * standby. Card removal at any moment ends the session cleanly." Tables over every phase.
 */
import { describe, expect, it } from 'vitest';
import type { PhaseName } from '../../../src/main/session/state.js';
import { CLINIC_MORNING, Kiosk, myNumberCard } from './kiosk-harness.js';

const unregistered = myNumberCard({ registered: false });
const renewalDue = myNumberCard({ certificateNotAfter: new Date('2026-07-31T23:59:59+09:00') });

/** How a patient (or the hardware) gets the session into each phase. */
const REACH: Record<Exclude<PhaseName, 'standby'>, () => Kiosk> = {
  reading: () => {
    const k = new Kiosk();
    k.send({ type: 'card-inserted', at: CLINIC_MORNING });
    return k;
  },
  error: () => {
    const k = REACH.reading();
    k.send({ type: 'card-error', code: 'E-CARD-001', message: 'カードを認識できません / Card not recognised' });
    return k;
  },
  'card-unusable': () => new Kiosk().insert(myNumberCard({ kind: 'other' })),
  'registration-terms': () => new Kiosk().insert(unregistered),
  registering: () => {
    const k = REACH['registration-terms']();
    k.intent({ type: 'agree-terms' });
    return k.authenticateByPin();
  },
  'registration-complete': () => {
    const k = REACH.registering();
    k.send({ type: 'registration-result', requestId: k.last('register-card').requestId, ok: true });
    return k;
  },
  'method-choice': () => new Kiosk().insert(),
  face: () => {
    const k = new Kiosk().insert();
    k.intent({ type: 'choose-method', method: 'face' });
    return k;
  },
  'face-failed': () => {
    const k = REACH.face();
    k.send({ type: 'face-result', requestId: k.last('start-face-match').requestId, outcome: 'cannot-judge' });
    return k;
  },
  'pin-entry': () => {
    const k = new Kiosk().insert();
    k.intent({ type: 'choose-method', method: 'pin' });
    return k.typePin('12');
  },
  'pin-verifying': () => {
    const k = REACH['pin-entry']().typePin('34');
    k.intent({ type: 'pin-submit' });
    return k;
  },
  'staff-needed': () => {
    const k = new Kiosk().insert();
    k.intent({ type: 'call-staff' });
    return k;
  },
  'staff-passcode': () => {
    const k = new Kiosk().insert();
    k.intent({ type: 'staff-request-visual-check' });
    return k;
  },
  'staff-passcode-verifying': () => {
    const k = REACH['staff-passcode']();
    k.intent({ type: 'staff-passcode', passcode: '2468' });
    return k;
  },
  'visual-check': () => {
    const k = REACH['staff-passcode-verifying']();
    k.send({ type: 'staff-passcode-result', requestId: k.last('verify-staff-passcode').requestId, ok: true });
    return k;
  },
  'expiry-notice': () => new Kiosk().insert(renewalDue).authenticateByPin(),
  'consent-choice': () => new Kiosk().insert().authenticateByPin(),
  'consent-items': () => {
    const k = REACH['consent-choice']();
    k.intent({ type: 'consent-individually' });
    return k;
  },
  'e-prescription': () => {
    const k = new Kiosk({ askPrescription: true }).insert().authenticateByPin();
    k.intent({ type: 'consent-all' });
    return k;
  },
  querying: () => {
    const k = REACH['consent-choice']();
    k.intent({ type: 'consent-all' });
    return k;
  },
  done: () => REACH.querying().answerQualification(),
};

const PHASES = Object.keys(REACH) as Exclude<PhaseName, 'standby'>[];

describe('card removal at any point ends the session cleanly', () => {
  it.each(PHASES)('removed during %s: standby, timer cancelled, camera closed, audited, defaults restored', (phase) => {
    const kiosk = REACH[phase]();
    expect(kiosk.state.phase.name).toBe(phase);
    kiosk.intent({ type: 'set-language', language: 'vi' });
    kiosk.intent({ type: 'set-large-text', on: true });
    const timer = kiosk.state.timer;

    kiosk.send({ type: 'card-removed' });

    expect(kiosk.snapshot).toMatchObject({ screen: 'standby', language: 'ja', largeText: false });
    expect(kiosk.state.patient).toBeNull();
    expect(kiosk.state.timer).toBeNull();
    if (timer !== null) expect(kiosk.lastEffects).toContainEqual({ type: 'cancel-timer', id: timer });
    expect(kiosk.lastEffects.some((e) => e.type === 'stop-face-match')).toBe(phase === 'face');
    expect(kiosk.audits().at(-1)).toEqual({ kind: 'session-ended', reason: 'card-removed', step: phase });
  });

  it('answers that arrive after the card left are ignored', () => {
    const kiosk = REACH.querying();
    const { requestId } = kiosk.last('request-qualification');
    kiosk.send({ type: 'card-removed' });
    expect(kiosk.send({ type: 'qualification-result', requestId, answer: { outcome: 'not-found' } }).handled).toBe(false);
    expect(kiosk.screen).toBe('standby');
  });
});

describe('a timeout at every waiting state', () => {
  const EXPECTED: Record<Exclude<PhaseName, 'standby'>, { screen: string; detail?: object; code?: string }> = {
    reading: { screen: 'error', detail: { error: expect.objectContaining({ code: 'E-SES-001' }) } },
    error: { screen: 'standby' },
    'card-unusable': { screen: 'card-unusable', detail: { reminderLevel: 1 } },
    'registration-terms': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-004' },
    registering: { screen: 'staff-needed', detail: { reason: 'registration-failed' }, code: 'E-SES-003' },
    'registration-complete': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-004' },
    'method-choice': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-004' },
    face: { screen: 'face-failed', code: 'E-SES-005' },
    'face-failed': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-004' },
    'pin-entry': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-004' },
    'pin-verifying': { screen: 'error', detail: { error: expect.objectContaining({ code: 'E-SES-002' }) } },
    'staff-needed': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-006' },
    'staff-passcode': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-006' },
    'staff-passcode-verifying': { screen: 'staff-needed', detail: { reason: 'passcode-check-failed' }, code: 'E-SES-006' },
    'visual-check': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-006' },
    'expiry-notice': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-004' },
    'consent-choice': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-004' },
    'consent-items': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-004' },
    'e-prescription': { screen: 'done', detail: { ending: 'timed-out' }, code: 'E-SES-004' },
    querying: { screen: 'done', detail: { ending: 'completed' }, code: 'E-SES-007' },
    done: { screen: 'done', detail: { reminderLevel: 1 } },
  };

  it.each(PHASES)('%s has a guard timer and a rule for when it fires', (phase) => {
    const kiosk = REACH[phase]();
    expect(kiosk.state.timer).not.toBeNull();
    const expected = EXPECTED[phase];
    kiosk.fireGuardTimer();
    expect(kiosk.snapshot).toMatchObject({ screen: expected.screen, ...expected.detail });
    if (expected.code !== undefined) {
      expect(kiosk.audits()).toContainEqual({ kind: 'timeout', step: phase, code: expected.code });
    }
  });

  it('standby waits for a card without a timer', () => {
    expect(new Kiosk().state.timer).toBeNull();
  });

  it('a timer of a phase already left is stale and ignored', () => {
    const kiosk = REACH['method-choice']();
    const old = kiosk.state.timer;
    kiosk.intent({ type: 'choose-method', method: 'face' });
    expect(kiosk.send({ type: 'timer-fired', id: old ?? '' }).handled).toBe(false);
    expect(kiosk.screen).toBe('face');
  });

  it('typing a PIN digit restarts the PIN screen timer (the patient is still there)', () => {
    const kiosk = REACH['pin-entry']();
    const before = kiosk.state.timer;
    kiosk.typePin('5');
    expect(kiosk.state.timer).not.toBe(before);
    expect(kiosk.lastEffects).toContainEqual({ type: 'cancel-timer', id: before });
  });

  it('a face hint does not restart the face timer', () => {
    const kiosk = REACH.face();
    const before = kiosk.state.timer;
    kiosk.send({ type: 'face-progress', requestId: kiosk.last('start-face-match').requestId, hint: 'too-close' });
    expect(kiosk.state.timer).toBe(before);
  });

  it('an error screen goes back to standby by itself', () => {
    const kiosk = REACH.error();
    expect(kiosk.on('error').error.code).toBe('E-CARD-001');
    kiosk.fireGuardTimer();
    expect(kiosk.screen).toBe('standby');
    expect(kiosk.audits().at(-1)).toEqual({ kind: 'session-ended', reason: 'error-timeout', step: 'error' });
  });
});

describe('card and reader failures carry staff codes', () => {
  it('a card error during face matching shows its code, closes the camera and is audited', () => {
    const kiosk = REACH.face();
    kiosk.send({ type: 'card-error', code: 'E-CARD-004', message: '通信エラー / Communication error' });
    expect(kiosk.on('error').error).toEqual({ code: 'E-CARD-004', message: '通信エラー / Communication error' });
    expect(kiosk.lastEffects).toContainEqual({ type: 'stop-face-match' });
    expect(kiosk.audits()).toContainEqual({ kind: 'card-error', code: 'E-CARD-004', step: 'face' });
  });

  it('a malformed code from a failing module is shown as the internal-error code, never breaking the screen', () => {
    const kiosk = REACH.face();
    kiosk.send({ type: 'card-error', code: 'oops', message: 'x'.repeat(5000) });
    expect(kiosk.on('error').error.code).toBe('E-SYS-001');
    expect(kiosk.on('error').error.message.length).toBeLessThanOrEqual(300);
  });

  it('a card that is not a マイナンバーカード (reader error 002) cannot be used', () => {
    const kiosk = REACH['card-unusable']();
    expect(kiosk.on('card-unusable')).toMatchObject({ reason: 'not-my-number-card', certificate: null });
  });

  it('a second card-inserted while a session runs is ignored', () => {
    const kiosk = REACH['method-choice']();
    expect(kiosk.send({ type: 'card-inserted', at: CLINIC_MORNING }).handled).toBe(false);
    expect(kiosk.all('read-card')).toHaveLength(1);
  });
});

describe('staff cancel', () => {
  it.each(['method-choice', 'consent-choice', 'visual-check'] as const)('cancels the session from %s and asks for the card', (phase) => {
    const kiosk = REACH[phase]();
    kiosk.intent({ type: 'staff-cancel' });
    expect(kiosk.on('done')).toMatchObject({ ending: 'cancelled', result: null });
  });

  it('cannot cancel while the service is being asked (the request must finish or be queued)', () => {
    expect(REACH.querying().intent({ type: 'staff-cancel' }).handled).toBe(false);
  });
});

describe('intents that do not belong to the current screen are refused without changing anything', () => {
  it.each([
    { phase: 'method-choice', intent: { type: 'consent-all' } },
    { phase: 'consent-choice', intent: { type: 'pin-digit', digit: 1 } },
    { phase: 'done', intent: { type: 'continue' } },
    { phase: 'face', intent: { type: 'staff-visual-check-result', confirmed: true } },
    { phase: 'method-choice', intent: { type: 'admin-ping' } },
  ] as const)('$intent.type on $phase', ({ phase, intent }) => {
    const kiosk = REACH[phase]();
    const before = kiosk.state;
    const result = kiosk.intent(intent);
    expect(result.handled).toBe(false);
    expect(result.effects).toEqual([]);
    expect(kiosk.state).toBe(before);
  });
});

describe('language and large text (PRODUCT.md §2: Japanese first, other languages one tap away)', () => {
  it.each(['en', 'zh', 'ko', 'vi', 'pt'] as const)('%s chosen mid-session stays on later screens and resets at the end', (language) => {
    const kiosk = REACH['method-choice']();
    kiosk.intent({ type: 'set-language', language });
    kiosk.authenticateByPin();
    expect(kiosk.snapshot).toMatchObject({ screen: 'consent-choice', language });
    kiosk.send({ type: 'card-removed' });
    expect(kiosk.snapshot.language).toBe('ja');
  });

  it('a choice made on standby carries into the session', () => {
    const kiosk = new Kiosk();
    kiosk.intent({ type: 'set-large-text', on: true });
    kiosk.insert();
    expect(kiosk.snapshot).toMatchObject({ screen: 'method-choice', largeText: true });
  });

  it('a choice left on standby with no card returns to the defaults after a while', () => {
    const kiosk = new Kiosk();
    kiosk.intent({ type: 'set-language', language: 'en' });
    kiosk.intent({ type: 'set-large-text', on: true });
    kiosk.fireGuardTimer();
    expect(kiosk.snapshot).toMatchObject({ screen: 'standby', language: 'ja', largeText: false });
  });

  it('every handled event advances the snapshot seq; ticks do not', () => {
    const kiosk = REACH['method-choice']();
    const seq = kiosk.snapshot.seq;
    kiosk.send({ type: 'tick', now: new Date(CLINIC_MORNING.getTime() + 1000) });
    expect(kiosk.snapshot.seq).toBe(seq);
    kiosk.intent({ type: 'set-language', language: 'en' });
    expect(kiosk.snapshot.seq).toBe(seq + 1);
  });
});
