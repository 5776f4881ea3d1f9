import { describe, expect, it } from 'vitest';
import { ctcGreedyDecode } from '../../../src/main/cardface/ocr/ctc-decode.js';

const DICT = ['1', '2', '年'];
const CLASSES = DICT.length + 2; // blank + dictionary + space

/** One time step per entry: the class that wins, with probability p (the rest share 1 − p). */
function frames(steps: readonly [number, number][]): Float32Array {
  const out = new Float32Array(steps.length * CLASSES);
  steps.forEach(([cls, p], t) => {
    for (let c = 0; c < CLASSES; c++) out[t * CLASSES + c] = c === cls ? p : (1 - p) / (CLASSES - 1);
  });
  return out;
}

describe('CTC greedy decoding of the recogniser output', () => {
  it('merges repeated steps and drops blanks, keeping a doubled digit separated by a blank', () => {
    const probs = frames([[1, 0.9], [1, 0.8], [0, 0.9], [1, 0.95], [2, 0.7], [3, 0.99], [0, 0.9]]);
    const decoded = ctcGreedyDecode(probs, 7, CLASSES, DICT);
    expect(decoded.text).toBe('112年');
    expect(decoded.charProbs.map((p) => Math.round(p * 100))).toEqual([90, 95, 70, 99]);
  });

  it('keeps the runner-up readings of each character for grammar-aware parsing', () => {
    const probs = new Float32Array(CLASSES);
    probs.set([0.05, 0.6, 0.3, 0.05, 0]);
    const decoded = ctcGreedyDecode(probs, 1, CLASSES, DICT);
    expect(decoded.text).toBe('1');
    expect(decoded.alternatives[0]?.get('2')).toBeCloseTo(0.3);
  });

  it('decodes one item of a batch by offset', () => {
    const batch = new Float32Array([...frames([[1, 0.9]]), ...frames([[2, 0.9]])]);
    expect(ctcGreedyDecode(batch, 1, CLASSES, DICT, CLASSES).text).toBe('2');
  });
});
