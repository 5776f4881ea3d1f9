/**
 * Honest method choice (PRODUCT.md §3.1): "Face, PIN or visual check … Face failure offers PIN;
 * PIN locked or forgotten leads to staff and 目視. A PIN-less 顔認証マイナンバーカード allows only
 * face or 目視." When the kiosk's face services cannot work (no card-face scanner E-CFS-001,
 * models missing E-SYS-011, the matcher failed to load), 顔認証 is not offered at all: what is
 * left is the PIN, and when the card has none, staff and 目視.
 */
import { describe, expect, it } from 'vitest';
import { Kiosk, myNumberCard } from './kiosk-harness.js';

const faceOff = (kiosk: Kiosk) => kiosk.send({ type: 'face-availability', available: false });

describe('when face mode cannot work on this kiosk', () => {
  it('the method choice offers only the PIN, and a face request from the screen is refused', () => {
    const kiosk = new Kiosk();
    faceOff(kiosk);
    kiosk.insert();
    expect(kiosk.on('method-choice')).toMatchObject({ methods: ['pin'], staffVisualCheck: true });
    expect(kiosk.intent({ type: 'choose-method', method: 'face' }).handled).toBe(false);
    expect(kiosk.all('start-face-match')).toEqual([]);
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    expect(kiosk.screen).toBe('pin-entry');
  });

  it('a PIN-less card ("only face or 目視") goes straight to staff, and staff can start 目視', () => {
    const kiosk = new Kiosk();
    faceOff(kiosk);
    kiosk.insert(myNumberCard({ pinless: true }));
    expect(kiosk.on('staff-needed').reason).toBe('face-unavailable');
    expect(kiosk.snapshots.map((s) => s.screen)).not.toContain('method-choice');
    kiosk.intent({ type: 'staff-request-visual-check' });
    expect(kiosk.on('staff-passcode')).toMatchObject({ wrongAttempts: 0 });
  });

  it('a card whose PIN was locked on an earlier visit ("PIN locked … leads to staff and 目視") goes to staff', () => {
    const kiosk = new Kiosk();
    faceOff(kiosk);
    kiosk.insert(myNumberCard({ pinTriesLeft: 0 }));
    expect(kiosk.on('staff-needed').reason).toBe('pin-locked');
  });

  it('registration (利用登録 needs PIN or face, never 目視): PIN only, or staff when the card has no PIN', () => {
    const withPin = new Kiosk();
    faceOff(withPin);
    withPin.insert(myNumberCard({ registered: false }));
    withPin.intent({ type: 'agree-terms' });
    expect(withPin.on('method-choice')).toMatchObject({ methods: ['pin'], purpose: 'registration' });

    const pinless = new Kiosk();
    faceOff(pinless);
    pinless.insert(myNumberCard({ registered: false, pinless: true }));
    pinless.intent({ type: 'agree-terms' });
    expect(pinless.on('staff-needed').reason).toBe('registration-failed');
  });

  it('learnt at standby: no new snapshot, since nothing on the screen changes', () => {
    const kiosk = new Kiosk();
    const result = faceOff(kiosk);
    expect(result.handled).toBe(true);
    expect(result.state.revision).toBe(0);
    expect(result.state.faceAvailable).toBe(false);
  });

  it('stays off for the next patient: it is a fact about the kiosk, not the card', () => {
    const kiosk = new Kiosk();
    faceOff(kiosk);
    kiosk.insert();
    kiosk.send({ type: 'card-removed' });
    kiosk.insert();
    expect(kiosk.on('method-choice').methods).toEqual(['pin']);
  });
});

describe('while the face services are still loading after start', () => {
  it('face is offered (the patient waits for the models rather than losing face mode)', () => {
    expect(new Kiosk().insert().on('method-choice').methods).toEqual(['face', 'pin']);
  });

  it('loading finished well: nothing changes for the patient', () => {
    const kiosk = new Kiosk().insert();
    expect(kiosk.send({ type: 'face-availability', available: true }).handled).toBe(false);
    expect(kiosk.on('method-choice').methods).toEqual(['face', 'pin']);
  });

  it('loading failed while a patient is choosing: face disappears from the choice', () => {
    const kiosk = new Kiosk().insert();
    faceOff(kiosk);
    expect(kiosk.on('method-choice').methods).toEqual(['pin']);
  });

  it('loading failed while a PIN-less patient is choosing: on to staff', () => {
    const kiosk = new Kiosk().insert(myNumberCard({ pinless: true }));
    expect(kiosk.on('method-choice').methods).toEqual(['face']);
    faceOff(kiosk);
    expect(kiosk.on('staff-needed').reason).toBe('face-unavailable');
  });

  it('an attempt that failed because the models never came offers the PIN but no retry', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'face' });
    kiosk.send({ type: 'face-result', requestId: kiosk.last('start-face-match').requestId, outcome: 'cannot-judge' });
    expect(kiosk.on('face-failed')).toMatchObject({ canRetry: true, canUsePin: true });
    faceOff(kiosk);
    expect(kiosk.on('face-failed')).toMatchObject({ canRetry: false, canUsePin: true });
    expect(kiosk.intent({ type: 'retry-face' }).handled).toBe(false);
  });

  it('the same for a PIN-less card: nothing left on the face-failed screen, so on to staff', () => {
    const kiosk = new Kiosk().insert(myNumberCard({ pinless: true }));
    kiosk.intent({ type: 'choose-method', method: 'face' });
    kiosk.send({ type: 'face-result', requestId: kiosk.last('start-face-match').requestId, outcome: 'cannot-judge' });
    expect(kiosk.on('face-failed')).toMatchObject({ canRetry: true, canUsePin: false });
    faceOff(kiosk);
    expect(kiosk.on('staff-needed').reason).toBe('face-failed');
  });
});
