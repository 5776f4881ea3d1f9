/**
 * Issue 6 (flow under 3 s): the chip photo unlock (card-face scan → OCR → 照合番号B, about 1.6 s)
 * starts when the method choice offers 顔認証, while the patient reads the screen. The session
 * asks for it once per insertion and asks for it to be wiped when it is no longer wanted: PIN
 * chosen, the visit done, the card removed or failing.
 */
import { describe, expect, it } from 'vitest';
import { Kiosk, myNumberCard } from './kiosk-harness.js';

const forgets = (kiosk: Kiosk) => kiosk.lastEffects.filter((effect) => effect.type === 'forget-chip-photo');

describe('chip photo unlocked while the patient reads the method choice', () => {
  it('starts with the method choice when face is offered, once per insertion', () => {
    const kiosk = new Kiosk().insert();
    expect(kiosk.on('method-choice').methods).toContain('face');
    expect(kiosk.all('prefetch-chip-photo')).toHaveLength(1);
    kiosk.intent({ type: 'choose-method', method: 'face' });
    kiosk.send({ type: 'face-result', requestId: kiosk.last('start-face-match').requestId, outcome: 'no-match' });
    kiosk.intent({ type: 'retry-face' });
    expect(kiosk.all('prefetch-chip-photo')).toHaveLength(1);
  });

  it('a PIN-less card (face or 目視 only) gets it too', () => {
    const kiosk = new Kiosk().insert(myNumberCard({ pinless: true }));
    expect(kiosk.on('method-choice').methods).toEqual(['face']);
    expect(kiosk.all('prefetch-chip-photo')).toHaveLength(1);
  });

  it('is not started when the kiosk cannot do face', () => {
    const kiosk = new Kiosk();
    kiosk.send({ type: 'face-availability', available: false });
    kiosk.insert();
    expect(kiosk.on('method-choice').methods).toEqual(['pin']);
    expect(kiosk.all('prefetch-chip-photo')).toEqual([]);
  });

  it('an unregistered card starts it when the method choice comes after the terms', () => {
    const kiosk = new Kiosk().insert(myNumberCard({ registered: false }));
    expect(kiosk.all('prefetch-chip-photo')).toEqual([]);
    kiosk.intent({ type: 'agree-terms' });
    expect(kiosk.screen).toBe('method-choice');
    expect(kiosk.all('prefetch-chip-photo')).toHaveLength(1);
  });

  it('is wiped when the patient picks the PIN, from the choice or after a failed face try', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    expect(forgets(kiosk)).toHaveLength(1);

    const other = new Kiosk().insert();
    other.intent({ type: 'choose-method', method: 'face' });
    expect(forgets(other)).toEqual([]);
    other.send({ type: 'face-result', requestId: other.last('start-face-match').requestId, outcome: 'no-match' });
    other.intent({ type: 'use-pin-instead' });
    expect(forgets(other)).toHaveLength(1);
  });

  it('is kept for 目視 (the same photo) and wiped when the visit is over', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'call-staff' });
    kiosk.intent({ type: 'staff-request-visual-check' });
    expect(kiosk.all('forget-chip-photo')).toEqual([]);
    kiosk.intent({ type: 'staff-cancel' });
    expect(kiosk.screen).toBe('done');
    expect(forgets(kiosk)).toHaveLength(1);
  });

  it('is wiped when the card is removed or fails', () => {
    const removed = new Kiosk().insert();
    removed.send({ type: 'card-removed' });
    expect(removed.screen).toBe('standby');
    expect(forgets(removed)).toHaveLength(1);

    const failing = new Kiosk().insert();
    failing.send({ type: 'card-error', code: 'E-CARD-003', message: 'カードが外されました / card removed' });
    expect(failing.screen).toBe('error');
    expect(forgets(failing)).toHaveLength(1);
  });
});
