/**
 * Recognised text boxes joined into printed lines: the detector may split one printed line into
 * several boxes (or join neighbours), so fields are matched on whole lines in reading order.
 */
import type { DecodedText } from './ocr/ctc-decode.js';
import type { TextBox } from './ocr/db-postprocess.js';

export interface RecognizedBox {
  readonly box: TextBox;
  readonly text: DecodedText;
}

/** One printed line in the card's own (de-rotated) axes: u along the text, v down the card. */
export interface RecognizedLine {
  /** Text with whitespace removed and compatibility forms folded (NFKC: full-width digits → ASCII). */
  readonly text: string;
  /** Probability of each character of `text`. */
  readonly charProbs: readonly number[];
  /** Runner-up readings of each character of `text` (see DecodedText). */
  readonly alternatives: readonly ReadonlyMap<string, number>[];
  readonly left: number;
  readonly right: number;
  readonly v: number;
  readonly height: number;
  readonly boxes: readonly RecognizedBox[];
}

/** Largest gap between boxes of one printed line, in box heights. */
const MAX_WORD_GAP = 2.5;

export function groupIntoLines(items: readonly RecognizedBox[]): RecognizedLine[] {
  const angle = items[0]?.box.angle ?? 0;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const placed = items
    .map((item) => ({ item, u: item.box.cx * cos + item.box.cy * sin, v: -item.box.cx * sin + item.box.cy * cos }))
    .sort((a, b) => a.v - b.v);
  const groups: (typeof placed)[] = [];
  for (const p of placed) {
    const last = groups[groups.length - 1];
    const anchor = last?.[0];
    if (last && anchor && Math.abs(p.v - anchor.v) < 0.5 * Math.min(p.item.box.height, anchor.item.box.height)) last.push(p);
    else groups.push([p]);
  }
  // Boxes at the same height but far apart are different fields (the expiry line and the
  // security code under the photo sit level with each other).
  const lines = groups.flatMap((group) => {
    group.sort((a, b) => a.u - b.u);
    const split: (typeof placed)[] = [];
    for (const p of group) {
      const current = split[split.length - 1];
      const prev = current?.[current.length - 1];
      const gap = prev ? p.u - p.item.box.width / 2 - (prev.u + prev.item.box.width / 2) : Infinity;
      if (current && prev && gap < MAX_WORD_GAP * Math.min(p.item.box.height, prev.item.box.height)) current.push(p);
      else split.push([p]);
    }
    return split;
  });
  return lines.map((group) => {
    let text = '';
    const charProbs: number[] = [];
    const alternatives: ReadonlyMap<string, number>[] = [];
    for (const { item } of group) {
      [...item.text.text].forEach((ch, i) => {
        const folded = ch.normalize('NFKC').replace(/\s/g, '');
        if (folded.length === 0) return;
        text += folded;
        for (let k = 0; k < folded.length; k++) {
          charProbs.push(item.text.charProbs[i] ?? 0);
          alternatives.push(item.text.alternatives[i] ?? new Map<string, number>());
        }
      });
    }
    const first = group[0];
    const last = group[group.length - 1];
    return {
      text,
      charProbs,
      alternatives,
      left: first ? first.u - first.item.box.width / 2 : 0,
      right: last ? last.u + last.item.box.width / 2 : 0,
      v: group.reduce((s, g) => s + g.v, 0) / group.length,
      height: group.reduce((s, g) => s + g.item.box.height, 0) / group.length,
      boxes: group.map((g) => g.item),
    };
  });
}
