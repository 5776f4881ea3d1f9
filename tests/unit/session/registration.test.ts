/** PRODUCT.md §3.4 First-time registration (健康保険証利用登録). */
import { describe, expect, it } from 'vitest';
import { Kiosk, myNumberCard } from './kiosk-harness.js';

describe('§3.4 "An unregistered card is taken to 健康保険証利用登録: terms, authentication, registration, then the normal flow"', () => {
  it('terms → PIN → registration → the normal flow, authenticating once', () => {
    const kiosk = new Kiosk().insert(myNumberCard({ registered: false }));
    expect(kiosk.screen).toBe('registration-terms');
    expect(kiosk.intent({ type: 'choose-method', method: 'pin' }).handled).toBe(false);
    kiosk.intent({ type: 'agree-terms' });
    expect(kiosk.on('method-choice').purpose).toBe('registration');
    kiosk.authenticateByPin();
    expect(kiosk.on('working').step).toBe('registration');
    expect(kiosk.last('register-card').method).toBe('pin');
    kiosk.send({ type: 'registration-result', requestId: kiosk.last('register-card').requestId, ok: true });
    expect(kiosk.screen).toBe('registration-complete');
    kiosk.intent({ type: 'continue' });
    expect(kiosk.screen).toBe('consent-choice');
    kiosk.intent({ type: 'consent-all' });
    expect(kiosk.all('verify-pin')).toHaveLength(1);
    expect(kiosk.last('request-qualification').method).toBe('pin');
  });

  it('a PIN-less card registers with face (the reader is its only route)', () => {
    const kiosk = new Kiosk().insert(myNumberCard({ registered: false, pinless: true }));
    kiosk.intent({ type: 'agree-terms' });
    expect(kiosk.on('method-choice').methods).toEqual(['face']);
    kiosk.authenticateByFace();
    expect(kiosk.last('register-card').method).toBe('face');
  });

  it.each([
    { fail: (k: Kiosk) => k.send({ type: 'registration-result', requestId: k.last('register-card').requestId, ok: false }), why: 'refused' },
    { fail: (k: Kiosk) => k.fireGuardTimer(), why: 'unanswered' },
  ])('a registration that is $why sends the patient to staff', ({ fail }) => {
    const kiosk = new Kiosk().insert(myNumberCard({ registered: false }));
    kiosk.intent({ type: 'agree-terms' });
    kiosk.authenticateByPin();
    fail(kiosk);
    expect(kiosk.on('staff-needed').reason).toBe('registration-failed');
    expect(kiosk.all('request-qualification')).toHaveLength(0);
  });

  it('registration is by PIN or face only: the 目視 button is not offered for it', () => {
    const kiosk = new Kiosk().insert(myNumberCard({ registered: false }));
    kiosk.intent({ type: 'agree-terms' });
    expect(kiosk.on('method-choice').staffVisualCheck).toBe(false);
    expect(kiosk.intent({ type: 'staff-request-visual-check' }).handled).toBe(false);
  });
});
