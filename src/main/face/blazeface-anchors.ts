/**
 * BlazeFace anchors (MediaPipe SSD anchors with fixed size 1): a 16×16 grid with 2 anchors per
 * cell followed by an 8×8 grid with 6 per cell, 896 in all, for both the 128 px front and the
 * 256 px back model. Anchor centre = (cell + 0.5) / grid, in [0, 1] of the network input.
 */
import type { Point } from './similarity.js';

export const BLAZEFACE_GRIDS = [
  { size: 16, perCell: 2 },
  { size: 8, perCell: 6 },
] as const;

export const BLAZEFACE_ANCHOR_COUNT = BLAZEFACE_GRIDS.reduce((n, g) => n + g.size * g.size * g.perCell, 0);

/** Anchor centres in the order the network emits them: grid by grid, row-major, anchors within a cell. */
export function blazefaceAnchors(): Point[] {
  const anchors: Point[] = [];
  for (const grid of BLAZEFACE_GRIDS) {
    for (let row = 0; row < grid.size; row++) {
      for (let col = 0; col < grid.size; col++) {
        for (let k = 0; k < grid.perCell; k++) anchors.push({ x: (col + 0.5) / grid.size, y: (row + 0.5) / grid.size });
      }
    }
  }
  return anchors;
}
