/** PRODUCT.md §3.1 Identity: face, PIN or visual check, and the fallbacks between them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_CONFIG } from '../../../src/main/session/config.js';
import { CLINIC_MORNING, Kiosk, myNumberCard } from './kiosk-harness.js';

describe('§3.1 "Face, PIN or visual check"', () => {
  it.each([
    { card: myNumberCard(), methods: ['face', 'pin'], why: 'a normal card offers face and PIN' },
    {
      card: myNumberCard({ pinless: true, pinTriesLeft: 3 }),
      methods: ['face'],
      why: '"A PIN-less 顔認証マイナンバーカード allows only face or 目視"',
    },
    {
      card: myNumberCard({ pinTriesLeft: 0 }),
      methods: ['face'],
      why: '"PIN locked … leads to staff and 目視": a PIN locked on an earlier visit is not offered',
    },
  ])('$why', ({ card, methods }) => {
    const kiosk = new Kiosk().insert(card);
    const screen = kiosk.on('method-choice');
    expect(screen.methods).toEqual(methods);
    expect(screen.staffVisualCheck).toBe(true);
    if (!methods.includes('pin')) {
      expect(kiosk.intent({ type: 'choose-method', method: 'pin' }).handled).toBe(false);
      expect(kiosk.all('verify-pin')).toHaveLength(0);
    }
  });

  it('choosing face opens the camera and a match confirms identity', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'face' });
    expect(kiosk.on('face')).toMatchObject({ hint: 'searching', attempt: 1 });
    kiosk.send({ type: 'face-result', requestId: kiosk.last('start-face-match').requestId, outcome: 'match' });
    expect(kiosk.audits()).toContainEqual({ kind: 'authenticated', method: 'face', purpose: 'confirmation' });
    expect(kiosk.lastEffects).toContainEqual({ type: 'stop-face-match' });
  });
});

describe('§3.1 face capture advice: "The kiosk should detect these conditions and say so"', () => {
  it.each(['too-close', 'too-far', 'backlight', 'outside-light', 'card-sleeve', 'multiple-faces'] as const)(
    'hint %s reaches the screen',
    (hint) => {
      const kiosk = new Kiosk().insert();
      kiosk.intent({ type: 'choose-method', method: 'face' });
      kiosk.send({ type: 'face-progress', requestId: kiosk.last('start-face-match').requestId, hint });
      expect(kiosk.on('face').hint).toBe(hint);
    },
  );

  it('a hint from an earlier attempt is ignored', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'face' });
    const stale = kiosk.last('start-face-match').requestId;
    kiosk.send({ type: 'face-result', requestId: stale, outcome: 'no-match' });
    kiosk.intent({ type: 'retry-face' });
    expect(kiosk.send({ type: 'face-progress', requestId: stale, hint: 'backlight' }).handled).toBe(false);
    expect(kiosk.on('face').hint).toBe('searching');
  });
});

describe('§3.1 "Face failure offers PIN"', () => {
  it.each(['no-match', 'cannot-judge', 'timeout'] as const)('after a %s the patient may retry or switch to PIN', (outcome) => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'face' });
    if (outcome === 'timeout') kiosk.fireGuardTimer();
    else kiosk.send({ type: 'face-result', requestId: kiosk.last('start-face-match').requestId, outcome });
    expect(kiosk.on('face-failed')).toMatchObject({ canRetry: true, canUsePin: true });
    expect(kiosk.lastEffects).toContainEqual({ type: 'stop-face-match' });
    kiosk.intent({ type: 'use-pin-instead' });
    expect(kiosk.on('pin-entry')).toMatchObject({ digitsEntered: 0, triesLeft: 3 });
  });

  it('after the last allowed attempt only PIN is offered, not another face try', () => {
    const kiosk = new Kiosk({ maxFaceAttempts: 2 }).insert();
    kiosk.intent({ type: 'choose-method', method: 'face' });
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      kiosk.send({ type: 'face-result', requestId: kiosk.last('start-face-match').requestId, outcome: 'no-match' });
      if (attempt < 2) kiosk.intent({ type: 'retry-face' });
    }
    expect(kiosk.on('face-failed')).toMatchObject({ canRetry: false, canUsePin: true });
    expect(kiosk.intent({ type: 'retry-face' }).handled).toBe(false);
  });

  it('a PIN-less card whose face attempts are used up is sent to staff (目視)', () => {
    const kiosk = new Kiosk({ maxFaceAttempts: 1 }).insert(myNumberCard({ pinless: true }));
    kiosk.intent({ type: 'choose-method', method: 'face' });
    kiosk.send({ type: 'face-result', requestId: kiosk.last('start-face-match').requestId, outcome: 'no-match' });
    expect(kiosk.on('staff-needed').reason).toBe('face-failed');
    expect(kiosk.intent({ type: 'use-pin-instead' }).handled).toBe(false);
  });

  it('a PIN-less card after a failed face attempt is not offered PIN', () => {
    const kiosk = new Kiosk().insert(myNumberCard({ pinless: true }));
    kiosk.intent({ type: 'choose-method', method: 'face' });
    kiosk.send({ type: 'face-result', requestId: kiosk.last('start-face-match').requestId, outcome: 'no-match' });
    expect(kiosk.on('face-failed')).toMatchObject({ canRetry: true, canUsePin: false });
  });
});

describe('face countdown: the time until other ways are offered is on screen, not hidden', () => {
  const at = (ms: number) => ({ type: 'tick', now: new Date(CLINIC_MORNING.getTime() + ms) }) as const;

  it('starts at the face timeout and counts down whole seconds as the clock ticks', () => {
    const kiosk = new Kiosk({ timeoutsMs: { ...DEFAULT_SESSION_CONFIG.timeoutsMs, face: 20_000 } }).insert();
    kiosk.intent({ type: 'choose-method', method: 'face' });
    expect(kiosk.on('face').secondsLeft).toBe(20);
    kiosk.send(at(1_000));
    expect(kiosk.on('face').secondsLeft).toBe(19);
    kiosk.send(at(18_500));
    expect(kiosk.on('face').secondsLeft).toBe(2);
    kiosk.send(at(25_000));
    expect(kiosk.on('face').secondsLeft).toBe(0);
  });

  it('a tick that changes the count sends a new snapshot; one within the same second does not', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'face' });
    const seq = kiosk.snapshot.seq;
    kiosk.send(at(1_000));
    expect(kiosk.snapshot.seq).toBe(seq + 1);
    kiosk.send(at(1_400));
    expect(kiosk.snapshot.seq).toBe(seq + 1);
  });

  it('a live hint does not reset the count; a new attempt starts a fresh one', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'face' });
    kiosk.send(at(5_000));
    kiosk.send({ type: 'face-progress', requestId: kiosk.last('start-face-match').requestId, hint: 'too-far' });
    expect(kiosk.on('face').secondsLeft).toBe(DEFAULT_SESSION_CONFIG.timeoutsMs.face / 1000 - 5);
    kiosk.fireGuardTimer();
    expect(kiosk.screen).toBe('face-failed');
    kiosk.intent({ type: 'retry-face' });
    expect(kiosk.on('face')).toMatchObject({ attempt: 2, secondsLeft: DEFAULT_SESSION_CONFIG.timeoutsMs.face / 1000 });
  });
});

describe('§3.1 PIN: tries come from the card; the PIN goes to the card once per entry', () => {
  it('shows the 残り回数 the card reported, and the last-try warning at 1', () => {
    const kiosk = new Kiosk().insert(myNumberCard({ pinTriesLeft: 1 }));
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    expect(kiosk.on('pin-entry')).toMatchObject({ triesLeft: 1, lastTry: true, wrongLastTime: false });
  });

  it('counts typed digits, caps at 4, deletes, and submits only a complete PIN', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    kiosk.typePin('123');
    expect(kiosk.intent({ type: 'pin-submit' }).handled).toBe(false);
    kiosk.typePin('45');
    expect(kiosk.on('pin-entry').digitsEntered).toBe(4);
    kiosk.intent({ type: 'pin-delete' });
    expect(kiosk.on('pin-entry').digitsEntered).toBe(3);
    kiosk.typePin('9').intent({ type: 'pin-submit' });
    expect(kiosk.all('verify-pin')).toHaveLength(1);
    expect(kiosk.last('verify-pin').pin.reveal()).toBe('1239');
    expect(kiosk.on('working').step).toBe('pin');
  });

  it('a double tap on submit sends the PIN once', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    kiosk.typePin('1234').intent({ type: 'pin-submit' });
    expect(kiosk.intent({ type: 'pin-submit' }).handled).toBe(false);
    expect(kiosk.all('verify-pin')).toHaveLength(1);
  });

  it('a wrong PIN is never retried automatically: the patient must type it again', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    kiosk.typePin('1111').intent({ type: 'pin-submit' });
    kiosk.send({ type: 'pin-result', requestId: kiosk.last('verify-pin').requestId, outcome: 'wrong', triesLeft: 2 });
    expect(kiosk.on('pin-entry')).toMatchObject({ triesLeft: 2, wrongLastTime: true, digitsEntered: 0, lastTry: false });
    expect(kiosk.all('verify-pin')).toHaveLength(1);
    kiosk.typePin('2222').intent({ type: 'pin-submit' });
    kiosk.send({ type: 'pin-result', requestId: kiosk.last('verify-pin').requestId, outcome: 'wrong', triesLeft: 1 });
    expect(kiosk.on('pin-entry')).toMatchObject({ triesLeft: 1, lastTry: true });
    expect(kiosk.all('verify-pin')).toHaveLength(2);
  });

  it('a card that does not answer the VERIFY gives a staff code and the PIN is not sent again', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    kiosk.typePin('1234').intent({ type: 'pin-submit' });
    kiosk.fireGuardTimer();
    expect(kiosk.on('error').error.code).toBe('E-SES-002');
    expect(kiosk.all('verify-pin')).toHaveLength(1);
    // A late answer from the card changes nothing.
    expect(kiosk.send({ type: 'pin-result', requestId: kiosk.last('verify-pin').requestId, outcome: 'ok' }).handled).toBe(false);
  });

  it.each([
    { answer: { outcome: 'blocked' } as const, why: 'the card reports the PIN blocked' },
    { answer: { outcome: 'wrong', triesLeft: 0 } as const, why: 'the third wrong PIN leaves 0 tries' },
  ])('"PIN locked … leads to staff and 目視" when $why', ({ answer }) => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    kiosk.typePin('0000').intent({ type: 'pin-submit' });
    kiosk.send({ type: 'pin-result', requestId: kiosk.last('verify-pin').requestId, ...answer });
    expect(kiosk.on('staff-needed').reason).toBe('pin-locked');
    kiosk.intent({ type: 'staff-request-visual-check' });
    expect(kiosk.screen).toBe('staff-passcode');
  });

  it('"PIN … forgotten leads to staff": the patient can call staff from the PIN pad', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    kiosk.intent({ type: 'call-staff' });
    expect(kiosk.on('staff-needed').reason).toBe('patient-request');
  });
});

describe('§3.1 目視: staff passcode, staff confirm, then automatic mode by itself', () => {
  function toVisualCheck(kiosk: Kiosk): void {
    kiosk.intent({ type: 'staff-request-visual-check' });
    kiosk.intent({ type: 'staff-passcode', passcode: '4321' });
    expect(kiosk.on('working').step).toBe('staff-passcode');
    kiosk.send({ type: 'staff-passcode-result', requestId: kiosk.last('verify-staff-passcode').requestId, ok: true });
  }

  it('the staff button on the method screen leads to passcode, check and confirmation; the flow continues', () => {
    const kiosk = new Kiosk().insert();
    toVisualCheck(kiosk);
    expect(kiosk.last('verify-staff-passcode').passcode.reveal()).toBe('4321');
    expect(kiosk.screen).toBe('visual-check');
    kiosk.intent({ type: 'staff-visual-check-result', confirmed: true });
    expect(kiosk.screen).toBe('consent-choice');
    kiosk.intent({ type: 'consent-all' });
    expect(kiosk.last('request-qualification').method).toBe('visual');
  });

  it('staff answering "not the same person" ends the session and asks for the card back', () => {
    const kiosk = new Kiosk().insert();
    toVisualCheck(kiosk);
    kiosk.intent({ type: 'staff-visual-check-result', confirmed: false });
    expect(kiosk.on('done')).toMatchObject({ ending: 'identity-not-confirmed', result: null });
    expect(kiosk.all('request-qualification')).toHaveLength(0);
  });

  it('a wrong passcode is refused; three in a row fall back to "call staff"', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'staff-request-visual-check' });
    for (let i = 1; i <= 3; i += 1) {
      kiosk.intent({ type: 'staff-passcode', passcode: '0000' });
      kiosk.send({ type: 'staff-passcode-result', requestId: kiosk.last('verify-staff-passcode').requestId, ok: false });
      if (i < 3) expect(kiosk.on('staff-passcode').wrongAttempts).toBe(i);
    }
    expect(kiosk.on('staff-needed').reason).toBe('passcode-check-failed');
  });

  it('"After 目視 the kiosk must return to automatic mode by itself": the next card starts in automatic mode', () => {
    const kiosk = new Kiosk().insert();
    toVisualCheck(kiosk);
    kiosk.intent({ type: 'staff-visual-check-result', confirmed: true });
    kiosk.intent({ type: 'consent-all' });
    kiosk.answerQualification();
    kiosk.send({ type: 'card-removed' });
    expect(kiosk.screen).toBe('standby');

    kiosk.insert();
    expect(kiosk.on('method-choice').methods).toEqual(['face', 'pin']);
    kiosk.authenticateByFace();
    expect(kiosk.screen).toBe('consent-choice');
    kiosk.intent({ type: 'consent-all' });
    expect(kiosk.last('request-qualification').method).toBe('face');
  });

  it('the 目視 button is not available once identity is confirmed', () => {
    const kiosk = new Kiosk().insert().authenticateByPin();
    expect(kiosk.screen).toBe('consent-choice');
    expect(kiosk.intent({ type: 'staff-request-visual-check' }).handled).toBe(false);
  });
});
