/** Test helper: recognised lines as the OCR would give them, placed in card units (angle 0). */
import type { RecognizedLine } from '../../../src/main/cardface/recognized-line.js';

export function line(text: string, x: number, v: number, options: { prob?: number; alternatives?: Record<number, Record<string, number>> } = {}): RecognizedLine {
  const chars = [...text];
  return {
    text,
    charProbs: chars.map(() => options.prob ?? 0.99),
    // The recogniser keeps 20 readings per character; a far-off filler stands for the rest.
    alternatives: chars.map((ch, i) => new Map(Object.entries(options.alternatives?.[i] ?? { [ch]: options.prob ?? 0.99, '#': 0.0001 }))),
    left: x,
    right: x + chars.length * 24,
    v,
    height: 30,
    boxes: [],
  };
}

/** The three field lines of a card front at the layout's positions (scale 1). */
export function cardLines(birth: string, expiry: string, code: string): RecognizedLine[] {
  return [line('個人番号カード', 40, 42), line('氏名山田太郎', 40, 103), line(birth, 110, 291), line(expiry, 110, 354), line(code, 677, 369)];
}
