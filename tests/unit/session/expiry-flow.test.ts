/** PRODUCT.md §3.2 certificate expiry, as the patient meets it in the reception flow. */
import { describe, expect, it } from 'vitest';
import { Kiosk, myNumberCard } from './kiosk-harness.js';

const notAfter = new Date('2025-01-15T23:59:59+09:00');
const card = myNumberCard({ certificateNotAfter: notAfter });
const at = (iso: string) => new Date(iso);

describe('§3.2 expiry phases in the flow', () => {
  it('normal ("more than 3 months before notAfter"): nothing is shown, consent comes next', () => {
    const kiosk = new Kiosk().insert(card, at('2024-10-14T12:00:00+09:00')).authenticateByPin();
    expect(kiosk.screen).toBe('consent-choice');
  });

  it('renewal alert ("alert: renew at the municipal office; flow continues") after 次に進む', () => {
    const kiosk = new Kiosk().insert(card, at('2024-10-15T08:00:00+09:00')).authenticateByPin();
    expect(kiosk.on('expiry-notice')).toMatchObject({ phase: 'renewal-alert', notAfter: '2025-01-15' });
    kiosk.intent({ type: 'continue' });
    expect(kiosk.screen).toBe('consent-choice');
    kiosk.intent({ type: 'consent-all' });
    expect(kiosk.last('request-qualification').consent.kind).toBe('given');
  });

  it('grace ("qualification check only; no medical-information consent is offered or sent")', () => {
    const kiosk = new Kiosk().insert(card, at('2025-04-30T23:00:00+09:00')).authenticateByFace();
    expect(kiosk.on('expiry-notice')).toMatchObject({ phase: 'grace', notAfter: '2025-01-15', graceUntil: '2025-04-30' });
    kiosk.intent({ type: 'continue' });
    expect(kiosk.snapshots.map((s) => s.screen)).not.toContain('consent-choice');
    expect(kiosk.intent({ type: 'consent-all' }).handled).toBe(false);
    expect(kiosk.last('request-qualification').consent).toEqual({ kind: 'none', reason: 'grace-period' });
    expect(kiosk.all('record-consent')).toHaveLength(0);
    kiosk.answerQualification();
    expect(kiosk.on('done').result?.consentSent).toBe(false);
  });

  it('grace is "qualification check only": the 電子処方箋 question is not asked either', () => {
    const kiosk = new Kiosk({ askPrescription: true }).insert(card, at('2025-03-01T10:00:00+09:00')).authenticateByPin();
    kiosk.intent({ type: 'continue' });
    expect(kiosk.snapshots.map((s) => s.screen)).not.toContain('e-prescription');
    expect(kiosk.last('request-qualification').ePrescription).toBeNull();
  });

  it('grace overrides a consent on file from before expiry: still nothing is sent', () => {
    const kiosk = new Kiosk().insert(card, at('2025-02-01T10:00:00+09:00'), at('2025-02-01T09:00:00+09:00'));
    kiosk.authenticateByPin().intent({ type: 'continue' });
    expect(kiosk.last('request-qualification').consent).toEqual({ kind: 'none', reason: 'grace-period' });
  });

  it('expired ("card cannot be used; guide to 資格確認書, or card + マイナポータル PDF / 資格情報のお知らせ")', () => {
    const kiosk = new Kiosk().insert(card, at('2025-05-01T00:00:00+09:00'));
    expect(kiosk.on('card-unusable')).toMatchObject({
      reason: 'certificate-expired',
      certificate: { notAfter: '2025-01-15', graceUntil: '2025-04-30' },
      alternatives: ['qualification-certificate', 'mynaportal-pdf', 'qualification-notice'],
    });
    expect(kiosk.intent({ type: 'choose-method', method: 'face' }).handled).toBe(false);
    expect(kiosk.all('start-face-match')).toHaveLength(0);
    expect(kiosk.all('request-qualification')).toHaveLength(0);
  });

  it('"Date arithmetic is in Japan time": a card placed at 15:00 UTC on the last grace day is already expired', () => {
    const kiosk = new Kiosk().insert(card, at('2025-04-30T15:00:00Z'));
    expect(kiosk.on('card-unusable').reason).toBe('certificate-expired');
    const earlier = new Kiosk().insert(card, at('2025-04-30T14:59:59Z'));
    expect(earlier.screen).toBe('method-choice');
  });
});
