/**
 * PRODUCT.md §3.8 "The PIN is never logged or stored", ARCHITECTURE.md "Privacy by
 * construction": the PIN and the staff passcode appear in no snapshot, no audit event and no
 * string, and leave the session state as soon as they are handed to the verify effect.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { assertNoForbiddenFields } from '../../../src/main/store/privacy-guard.js';
import { Kiosk, myNumberCard } from './kiosk-harness.js';

const PIN = '9371';
const PASSCODE = '80642';

function everythingPrintable(kiosk: Kiosk): string {
  return [
    JSON.stringify(kiosk.snapshots),
    JSON.stringify(kiosk.audits()),
    JSON.stringify(kiosk.effects),
    JSON.stringify(kiosk.state),
    inspect(kiosk.effects, { depth: 10 }),
    inspect(kiosk.state, { depth: 10 }),
    kiosk.effects.map((effect) => Object.values(effect).map(String).join(' ')).join('\n'),
  ].join('\n');
}

describe('the PIN never appears anywhere but in the one verify effect', () => {
  it('not while typing, not after submitting, not in any printed form', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    kiosk.typePin(PIN.slice(0, 3));
    expect(everythingPrintable(kiosk)).not.toContain(PIN.slice(0, 3));
    kiosk.typePin(PIN.slice(3)).intent({ type: 'pin-submit' });

    expect(kiosk.last('verify-pin').pin.reveal()).toBe(PIN);
    expect(everythingPrintable(kiosk)).not.toContain(PIN);
    expect(String(kiosk.last('verify-pin').pin)).toBe('[redacted]');
    expect(`${kiosk.last('verify-pin').pin}`).not.toContain(PIN);
  });

  it('the session state holds no digits once the PIN is on its way to the card', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'choose-method', method: 'pin' });
    kiosk.typePin(PIN).intent({ type: 'pin-submit' });
    expect(kiosk.state.phase).not.toHaveProperty('digits');
    kiosk.send({ type: 'pin-result', requestId: kiosk.last('verify-pin').requestId, outcome: 'wrong', triesLeft: 2 });
    const phase = kiosk.state.phase;
    expect(phase.name === 'pin-entry' && phase.digits.length).toBe(0);
  });
});

describe('the staff passcode is checked by an effect and never kept', () => {
  it('appears only inside the verify effect', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'staff-request-visual-check' });
    kiosk.intent({ type: 'staff-passcode', passcode: PASSCODE });
    expect(kiosk.last('verify-staff-passcode').passcode.reveal()).toBe(PASSCODE);
    expect(everythingPrintable(kiosk)).not.toContain(PASSCODE);
  });
});

describe('every audit event the session emits is one the store accepts', () => {
  // The store refuses (and loses) a whole entry whose keys name a PIN, an image or a My Number.
  it('a PIN-less card read, a wrong PIN, a consent and a finished check all pass the privacy guard', () => {
    const pinless = new Kiosk().insert(myNumberCard({ pinless: true }));
    const withPin = new Kiosk().insert();
    withPin.intent({ type: 'choose-method', method: 'pin' });
    withPin.typePin(PIN).intent({ type: 'pin-submit' });
    withPin.send({ type: 'pin-result', requestId: withPin.last('verify-pin').requestId, outcome: 'wrong', triesLeft: 2 });
    const finished = new Kiosk().insert().authenticateByPin();
    finished.intent({ type: 'consent-all' });
    finished.answerQualification();

    const audits = [pinless, withPin, finished].flatMap((kiosk) => kiosk.audits());
    expect(audits.map((event) => event.kind)).toEqual(expect.arrayContaining(['card-read', 'pin-wrong', 'consent', 'qualification']));
    for (const { kind, ...detail } of audits) expect(() => assertNoForbiddenFields(detail), kind).not.toThrow();
  });
});
