/** PRODUCT.md §3.3 Consent, and the 電子処方箋 question. */
import { describe, expect, it } from 'vitest';
import { CLINIC_MORNING, Kiosk } from './kiosk-harness.js';

const hoursBefore = (hours: number) => new Date(CLINIC_MORNING.getTime() - hours * 3600 * 1000);

describe('§3.3 "the first screen offers 全て同意する (all) or 個別に同意する (per item)"', () => {
  it('全て同意する agrees to every item the facility asks, records it and sends it', () => {
    const kiosk = new Kiosk().insert().authenticateByPin();
    expect(kiosk.on('consent-choice').items).toEqual(['surgery', 'medication', 'checkup']);
    kiosk.intent({ type: 'consent-all' });
    const sent = { kind: 'given', items: { surgery: true, medication: true, checkup: true } };
    expect(kiosk.last('request-qualification').consent).toEqual(sent);
    expect(kiosk.last('record-consent')).toEqual({ type: 'record-consent', consent: sent, at: CLINIC_MORNING });
  });

  it('個別に同意する asks 手術 / 診療・薬剤 / 特定健診 one by one; confirm needs every answer', () => {
    const kiosk = new Kiosk().insert().authenticateByPin();
    kiosk.intent({ type: 'consent-individually' });
    kiosk.intent({ type: 'consent-item', item: 'surgery', agree: false });
    kiosk.intent({ type: 'consent-item', item: 'medication', agree: true });
    expect(kiosk.on('consent-items')).toMatchObject({
      answers: [
        { item: 'surgery', agree: false },
        { item: 'medication', agree: true },
        { item: 'checkup', agree: null },
      ],
      canConfirm: false,
    });
    expect(kiosk.intent({ type: 'consent-confirm' }).handled).toBe(false);
    kiosk.intent({ type: 'consent-item', item: 'checkup', agree: true });
    kiosk.intent({ type: 'consent-item', item: 'medication', agree: false });
    kiosk.intent({ type: 'consent-confirm' });
    expect(kiosk.last('request-qualification').consent).toEqual({
      kind: 'given',
      items: { surgery: false, medication: false, checkup: true },
    });
  });
});

describe('§3.3 "Which items are asked is a facility setting"', () => {
  it('only the enabled items are offered and sent', () => {
    const kiosk = new Kiosk({ consentItems: ['medication', 'checkup'] }).insert().authenticateByPin();
    expect(kiosk.on('consent-choice').items).toEqual(['medication', 'checkup']);
    kiosk.intent({ type: 'consent-individually' });
    expect(kiosk.intent({ type: 'consent-item', item: 'surgery', agree: true }).handled).toBe(false);
    kiosk.intent({ type: 'consent-item', item: 'medication', agree: true });
    kiosk.intent({ type: 'consent-item', item: 'checkup', agree: true });
    kiosk.intent({ type: 'consent-confirm' });
    expect(kiosk.last('request-qualification').consent).toEqual({ kind: 'given', items: { medication: true, checkup: true } });
  });

  it('a facility that asks no items shows no consent screen and sends none', () => {
    const kiosk = new Kiosk({ consentItems: [] }).insert().authenticateByPin();
    expect(kiosk.screen).toBe('working');
    expect(kiosk.last('request-qualification').consent).toEqual({ kind: 'none', reason: 'no-items' });
  });
});

describe('§3.3 "A consent lasts 24 hours"', () => {
  it.each([
    { grantedHoursAgo: 1, asked: false },
    { grantedHoursAgo: 23.99, asked: false },
    { grantedHoursAgo: 24, asked: true },
    { grantedHoursAgo: 30, asked: true },
  ])('a consent given $grantedHoursAgo h ago: asked again = $asked', ({ grantedHoursAgo, asked }) => {
    const kiosk = new Kiosk().insert(undefined, CLINIC_MORNING, hoursBefore(grantedHoursAgo)).authenticateByPin();
    if (asked) {
      expect(kiosk.screen).toBe('consent-choice');
    } else {
      expect(kiosk.snapshots.map((s) => s.screen)).not.toContain('consent-choice');
      expect(kiosk.last('request-qualification').consent).toEqual({ kind: 'on-file' });
    }
  });

  it('age is measured at the consent step, with the time the runner last ticked in', () => {
    const kiosk = new Kiosk().insert(undefined, CLINIC_MORNING, hoursBefore(23.995));
    kiosk.send({ type: 'tick', now: new Date(CLINIC_MORNING.getTime() + 60_000) });
    kiosk.authenticateByPin();
    expect(kiosk.screen).toBe('consent-choice');
  });

  it('nothing on file: the patient is asked', () => {
    const kiosk = new Kiosk().insert().authenticateByPin();
    expect(kiosk.screen).toBe('consent-choice');
  });
});

describe('§3.3 "An optional step asks 電子処方箋 or 紙 prescription"', () => {
  it.each(['electronic', 'paper'] as const)('where the facility asks, the choice %s goes with the request', (form) => {
    const kiosk = new Kiosk({ askPrescription: true }).insert().authenticateByPin();
    kiosk.intent({ type: 'consent-all' });
    expect(kiosk.screen).toBe('e-prescription');
    kiosk.intent({ type: 'choose-prescription', form });
    expect(kiosk.last('request-qualification').ePrescription).toBe(form);
  });

  it('where the facility does not ask, no question and no choice is sent', () => {
    const kiosk = new Kiosk({ askPrescription: false }).insert().authenticateByPin();
    kiosk.intent({ type: 'consent-all' });
    expect(kiosk.screen).toBe('working');
    expect(kiosk.last('request-qualification').ePrescription).toBeNull();
  });
});
