/**
 * Greedy CTC decoding of the PP-OCR recogniser's output: best class per time step, merge repeats,
 * drop blanks (class 0). Class i ≥ 1 is dictionary line i−1; the last class is a space.
 */

export interface DecodedText {
  readonly text: string;
  /** Probability of each emitted character, in order (the evidence behind each character). */
  readonly charProbs: readonly number[];
  /**
   * For each emitted character, the runner-up readings at the same time step (character →
   * probability), so a parser that knows the field's grammar can weigh the valid readings itself.
   */
  readonly alternatives: readonly ReadonlyMap<string, number>[];
}

/** How many readings per character are kept for grammar-aware parsing. */
const ALTERNATIVES = 20;

export function ctcGreedyDecode(probs: Float32Array, steps: number, classes: number, dictionary: readonly string[], offset = 0): DecodedText {
  let text = '';
  const charProbs: number[] = [];
  const alternatives: ReadonlyMap<string, number>[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let best = 0;
    let bestProb = probs[base] ?? 0;
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c] ?? 0;
      if (p > bestProb) {
        bestProb = p;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? ' ';
      charProbs.push(bestProb);
      alternatives.push(topReadings(probs, base, classes, dictionary));
    }
    previous = best;
  }
  return { text, charProbs, alternatives };
}

function topReadings(probs: Float32Array, base: number, classes: number, dictionary: readonly string[]): ReadonlyMap<string, number> {
  const top: { c: number; p: number }[] = [];
  for (let c = 1; c < classes; c++) {
    const p = probs[base + c] ?? 0;
    if (top.length < ALTERNATIVES || p > (top[top.length - 1]?.p ?? 0)) {
      top.push({ c, p });
      top.sort((a, b) => b.p - a.p);
      if (top.length > ALTERNATIVES) top.pop();
    }
  }
  return new Map(top.map(({ c, p }) => [dictionary[c - 1] ?? ' ', p]));
}
