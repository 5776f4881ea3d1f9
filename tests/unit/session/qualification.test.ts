/** PRODUCT.md §3.5 Qualification results and fallbacks; §3.7 "●"; §1 step 6 "take the card back". */
import { describe, expect, it } from 'vitest';
import type { QualificationAnswer } from '../../../src/main/session/events.js';
import { Kiosk, VALID_ANSWER } from './kiosk-harness.js';

/** A patient authenticated by PIN who agreed to all: the request is out. */
function queried(): Kiosk {
  const kiosk = new Kiosk().insert().authenticateByPin();
  kiosk.intent({ type: 'consent-all' });
  expect(kiosk.on('working').step).toBe('qualification');
  return kiosk;
}

const OLD = { insurerName: '旧健康保険組合', insurerNumber: '06139999', sharePercent: 30 };

describe('§3.5 results and what staff do next', () => {
  it.each([
    {
      rule: '有効 (valid): normal reception, share and insurer for staff',
      answer: VALID_ANSWER,
      expected: {
        outcome: 'valid',
        kanaName: 'ヤマダ タロウ',
        insurance: VALID_ANSWER.outcome === 'valid' ? VALID_ANSWER.insurance : null,
        oldInsurance: null,
        nextStep: 'none',
      },
    },
    {
      rule: '資格(無効): "the old one, 旧資格, is shown" and claimed with 摘要 旧資格情報',
      answer: { outcome: 'invalid', name: '山田 花子', kanaName: 'ヤマダ ハナコ', oldInsurance: OLD } satisfies QualificationAnswer,
      expected: { outcome: 'invalid', kanaName: 'ヤマダ ハナコ', insurance: null, oldInsurance: OLD, nextStep: 'use-old-qualification' },
    },
    {
      rule: '資格情報なし: マイナポータル / お知らせ, otherwise 被保険者資格申立書',
      answer: { outcome: 'not-found' } satisfies QualificationAnswer,
      expected: { outcome: 'not-found', kanaName: null, insurance: null, oldInsurance: null, nextStep: 'self-declaration' },
    },
    {
      rule: 'service unreachable: "keep the reception going, queue what it could not confirm"',
      answer: { outcome: 'unreachable' } satisfies QualificationAnswer,
      expected: { outcome: 'unreachable', kanaName: null, insurance: null, oldInsurance: null, nextStep: 'confirm-later', refusal: null },
    },
    {
      rule: 'refused by the service (certificate revoked): not "no qualification"; staff see the code that names the remedy',
      answer: { outcome: 'rejected', code: 'E-OQS-003', certificateNotAfter: null } satisfies QualificationAnswer,
      expected: {
        outcome: 'rejected',
        kanaName: null,
        insurance: null,
        oldInsurance: null,
        nextStep: 'self-declaration',
        refusal: { code: 'E-OQS-003', certificateNotAfter: null },
      },
    },
  ])('$rule', ({ answer, expected }) => {
    const kiosk = queried().answerQualification(answer);
    const done = kiosk.on('done');
    expect(done.ending).toBe('completed');
    expect(done.result).toMatchObject({ ...expected, method: 'pin', consentSent: true, nameHasPlaceholder: false });
    expect(kiosk.audits()).toContainEqual({ kind: 'qualification', outcome: expected.outcome });
  });

  it('a refusal whose code is not a service code is shown as the generic refusal, never breaking the screen', () => {
    const kiosk = queried().answerQualification({ outcome: 'rejected', code: 'certificate-revoked', certificateNotAfter: null });
    expect(kiosk.on('done').result).toMatchObject({ outcome: 'rejected', refusal: { code: 'E-OQS-002' } });
  });

  it.each([
    { notAfter: '2025-01-15T14:59:59Z', date: '2025-01-15', why: '23:59:59 JST is still the 15th' },
    { notAfter: '2025-01-15T15:00:00Z', date: '2025-01-16', why: 'midnight JST is already the 16th' },
  ])('an expiry the service names is shown as its JST date ($why)', ({ notAfter, date }) => {
    const kiosk = queried().answerQualification({ outcome: 'rejected', code: 'E-OQS-003', certificateNotAfter: new Date(notAfter) });
    expect(kiosk.on('done').result?.refusal).toEqual({ code: 'E-OQS-003', certificateNotAfter: date });
  });

  it('a service that does not answer in time: the request is queued and reception goes on', () => {
    const kiosk = queried();
    const { requestId } = kiosk.last('request-qualification');
    kiosk.fireGuardTimer();
    expect(kiosk.lastEffects).toContainEqual({ type: 'defer-qualification', requestId });
    expect(kiosk.on('done').result).toMatchObject({ outcome: 'unreachable', nextStep: 'confirm-later' });
    // The late answer belongs to the queue now, not to this screen.
    expect(kiosk.send({ type: 'qualification-result', requestId, answer: VALID_ANSWER }).handled).toBe(false);
  });

  it('§3.7 "marks such names for staff, and never blocks on them": a "●" in the name', () => {
    const kiosk = queried().answerQualification({ ...VALID_ANSWER, name: '●田 太郎' } as QualificationAnswer);
    expect(kiosk.on('done').result).toMatchObject({ nameHasPlaceholder: true, kanaName: 'ヤマダ タロウ' });
  });

  it('service facts that do not fit the contract show as unknown instead of breaking the screen', () => {
    const kiosk = queried().answerQualification({
      outcome: 'valid',
      name: null,
      kanaName: 'ア'.repeat(500),
      insurance: { insurerName: null, insurerNumber: '12-34', sharePercent: 250 },
    });
    const result = kiosk.on('done').result;
    expect(result?.kanaName).toHaveLength(100);
    expect(result?.insurance).toEqual({ insurerName: null, insurerNumber: null, sharePercent: null });
  });
});

describe('§1 step 6 "tells the patient to take the card back, and returns to standby"', () => {
  it('the done screen stays until the card is removed, reminding more insistently, then stops escalating', () => {
    const kiosk = queried().answerQualification();
    const levels = [kiosk.on('done').reminderLevel];
    while (kiosk.state.timer !== null) {
      kiosk.fireGuardTimer();
      levels.push(kiosk.on('done').reminderLevel);
    }
    expect(levels).toEqual([0, 1, 2, 3]);
    kiosk.send({ type: 'card-removed' });
    expect(kiosk.screen).toBe('standby');
  });
});
