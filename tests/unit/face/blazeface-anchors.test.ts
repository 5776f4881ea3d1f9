import { describe, expect, it } from 'vitest';
import { BLAZEFACE_ANCHOR_COUNT, blazefaceAnchors } from '../../../src/main/face/blazeface-anchors.js';

describe('BlazeFace anchors', () => {
  const anchors = blazefaceAnchors();

  it('are 16×16×2 + 8×8×6 = 896, the count of the network outputs', () => {
    expect(BLAZEFACE_ANCHOR_COUNT).toBe(896);
    expect(anchors).toHaveLength(896);
  });

  it('put each centre at (cell + 0.5) / grid, row-major, anchors of a cell together', () => {
    expect(anchors[0]).toEqual({ x: 0.5 / 16, y: 0.5 / 16 });
    expect(anchors[1]).toEqual(anchors[0]);
    expect(anchors[2]).toEqual({ x: 1.5 / 16, y: 0.5 / 16 });
    expect(anchors[32]).toEqual({ x: 0.5 / 16, y: 1.5 / 16 });
    expect(anchors[511]).toEqual({ x: 15.5 / 16, y: 15.5 / 16 });
    // The 8×8 grid starts at index 512 with six anchors per cell.
    for (let k = 0; k < 6; k++) expect(anchors[512 + k]).toEqual({ x: 0.5 / 8, y: 0.5 / 8 });
    expect(anchors[518]).toEqual({ x: 1.5 / 8, y: 0.5 / 8 });
    expect(anchors[895]).toEqual({ x: 7.5 / 8, y: 7.5 / 8 });
  });
});
