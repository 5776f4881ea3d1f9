import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCardFaceLines } from '../../../src/main/cardface/card-face-fields.js';
import { cardLines, line } from './lines.js';

describe('finding the printed fields on the card front', () => {
  it('reads a Japanese national\'s card: 和暦 birth date, Western expiry, code under the photo, sex', () => {
    const parsed = parseCardFaceLines(cardLines('昭和55年2月17日生性別男', '2035年2月17日まで有効', '2285'));
    expect(parsed).toMatchObject({
      ok: true,
      fields: { birthDate: { year: 1980, month: 2, day: 17 }, printedBirthYear: { calendar: '昭和', year: 55 }, expiryDate: { year: 2035, month: 2, day: 17 }, securityCode: '2285', sex: '男' },
    });
  });

  it("reads a foreign resident's card, whose birth date is printed in 西暦", () => {
    const parsed = parseCardFaceLines(cardLines('1992年7月14日生', '2029年7月14日まで有効', '0417'));
    expect(parsed).toMatchObject({ ok: true, fields: { birthDate: { year: 1992, month: 7, day: 14 }, printedBirthYear: { calendar: 'western', year: 1992 }, sex: null } });
  });

  it('reads 元年 as era year 1', () => {
    const parsed = parseCardFaceLines(cardLines('令和元年5月1日生', '2029年5月1日まで有効', '1111'));
    expect(parsed).toMatchObject({ ok: true, fields: { birthDate: { year: 2019, month: 5, day: 1 }, printedBirthYear: { calendar: '令和', year: 1 } } });
  });

  it('decides 令和 vs 昭和 from the recogniser\'s own readings when the first character is misread (令 → 今)', () => {
    const lines = cardLines('今和3年12月9日生', '2026年12月9日まで有効', '8647');
    lines[2] = line('今和3年12月9日生', 110, 291, { alternatives: { 0: { 今: 0.56, 合: 0.28, 令: 0.03, 命: 0.016 } } });
    const parsed = parseCardFaceLines(lines);
    expect(parsed).toMatchObject({ ok: true, fields: { birthDate: { year: 2021, month: 12, day: 9 }, printedBirthYear: { calendar: '令和', year: 3 } } });
    // 昭 was not among the kept readings: it is counted at the lowest kept probability, never as 0.
    if (parsed.ok) expect(parsed.fields.evidence.era).toBeCloseTo(0.03 / 0.046, 2);
  });

  it('weighs each digit among the ten digits only: a letter-like doubt is no doubt, a 3-vs-8 doubt is', () => {
    const letterDoubt = cardLines('昭和55年2月17日生', '2035年2月17日まで有効', '2285');
    letterDoubt[3] = line('2035年2月17日まで有効', 110, 354, { alternatives: { 0: { '2': 0.55, Z: 0.4, '#': 0.001 } } });
    const digitDoubt = cardLines('昭和55年2月17日生', '2035年2月17日まで有効', '2285');
    digitDoubt[4] = line('2285', 677, 369, { alternatives: { 3: { '5': 0.55, '6': 0.4, '#': 0.001 } } });
    const a = parseCardFaceLines(letterDoubt);
    const b = parseCardFaceLines(digitDoubt);
    expect(a.ok && a.fields.evidence.expiryYear).toBeGreaterThan(0.98);
    expect(b.ok && b.fields.evidence.securityCode).toBeLessThan(0.6);
  });

  it('takes the 4-digit code only from under the photo, not a number elsewhere on the card', () => {
    const lines = [...cardLines('平成2年4月1日生', '2030年4月1日まで有効', '5678'), line('1234', 110, 200)];
    expect(parseCardFaceLines(lines)).toMatchObject({ ok: true, fields: { securityCode: '5678' } });
  });

  it('rejects rather than guesses when a field is missing or ambiguous', () => {
    expect(parseCardFaceLines(cardLines('昭和55年2月17日', '2035年2月17日まで有効', '2285'))).toEqual({ ok: false, reason: 'birth-date-not-found' });
    expect(parseCardFaceLines(cardLines('昭和55年2月17日生', '有効', '2285'))).toEqual({ ok: false, reason: 'expiry-not-found' });
    expect(parseCardFaceLines(cardLines('昭和55年2月17日生', '2035年2月17日まで有効', '228'))).toEqual({ ok: false, reason: 'security-code-not-found' });
    expect(parseCardFaceLines([...cardLines('昭和55年2月17日生', '2035年2月17日まで有効', '2285'), line('9999', 690, 360)])).toEqual({ ok: false, reason: 'security-code-ambiguous' });
    expect(parseCardFaceLines([...cardLines('昭和55年2月17日生', '2035年2月17日まで有効', '2285'), line('平成2年1月1日生', 110, 240)])).toEqual({ ok: false, reason: 'birth-date-ambiguous' });
    expect(parseCardFaceLines(cardLines('昭和64年2月1日生', '2035年2月1日まで有効', '2285'))).toEqual({ ok: false, reason: 'birth-date-invalid' });
  });

  it('never throws on arbitrary recognised text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 500 })), { maxLength: 8 }), (items) => {
        const parsed = parseCardFaceLines(items.map(([t, x, v]) => line(t, x, v)));
        expect(typeof parsed.ok).toBe('boolean');
      }),
    );
  });
});
