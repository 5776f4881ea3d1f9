/**
 * Issue 5, face mode's card step: "On failure the patient is offered PIN, and staff 目視." When the
 * printed front does not unlock the chip photo (E-CFS-004 unreadable, E-CFS-005 refused), another
 * face try on this insertion would fail the same way, so it is not offered.
 */
import { describe, expect, it } from 'vitest';
import { Kiosk, myNumberCard } from './kiosk-harness.js';

function photoLocked(kiosk: Kiosk): void {
  kiosk.intent({ type: 'choose-method', method: 'face' });
  kiosk.send({ type: 'face-result', requestId: kiosk.last('start-face-match').requestId, outcome: 'photo-locked' });
}

describe('face mode when the card front does not unlock the chip photo', () => {
  it('offers the PIN and staff 目視, but no pointless face retry', () => {
    const kiosk = new Kiosk().insert();
    photoLocked(kiosk);
    expect(kiosk.on('face-failed')).toMatchObject({ canRetry: false, canUsePin: true });
    expect(kiosk.lastEffects).toContainEqual({ type: 'stop-face-match' });
    expect(kiosk.audits()).toContainEqual({ kind: 'face-failed', outcome: 'photo-locked', attempt: 1 });
    expect(kiosk.intent({ type: 'retry-face' }).handled).toBe(false);
    expect(kiosk.all('start-face-match')).toHaveLength(1);
    kiosk.intent({ type: 'use-pin-instead' });
    expect(kiosk.on('pin-entry')).toMatchObject({ triesLeft: 3 });
  });

  it('staff can take over with 目視 from there', () => {
    const kiosk = new Kiosk().insert();
    photoLocked(kiosk);
    kiosk.intent({ type: 'staff-request-visual-check' });
    expect(kiosk.on('staff-passcode')).toMatchObject({ wrongAttempts: 0 });
  });

  it('a PIN-less card goes straight to staff (目視)', () => {
    const kiosk = new Kiosk().insert(myNumberCard({ pinless: true }));
    photoLocked(kiosk);
    expect(kiosk.on('staff-needed').reason).toBe('face-failed');
  });

  it('the next card starts with face available again', () => {
    const kiosk = new Kiosk().insert();
    photoLocked(kiosk);
    kiosk.send({ type: 'card-removed' });
    kiosk.insert();
    kiosk.intent({ type: 'choose-method', method: 'face' });
    kiosk.send({ type: 'face-result', requestId: kiosk.last('start-face-match').requestId, outcome: 'no-match' });
    expect(kiosk.on('face-failed')).toMatchObject({ canRetry: true });
  });
});
