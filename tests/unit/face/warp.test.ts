import { describe, expect, it } from 'vitest';
import type { GreyImage } from '../../../src/main/face/image.js';
import { boxDownscale, warpAffine } from '../../../src/main/face/warp.js';

const ramp: GreyImage = { kind: 'grey', width: 8, height: 6, data: Uint8Array.from({ length: 48 }, (_, i) => (i % 8) * 10 + Math.floor(i / 8)) };

describe('warp', () => {
  it('identity reproduces the image in all three channels', () => {
    const out = warpAffine(ramp, { a: 1, b: 0, tx: 0, c: 0, d: 1, ty: 0 }, 8, 6);
    for (let i = 0; i < 48; i++) for (let c = 0; c < 3; c++) expect(out.data[i * 3 + c]).toBeCloseTo(ramp.data[i]!, 4);
  });

  it('a one-pixel shift reads the neighbour, and outside the image is black', () => {
    const out = warpAffine(ramp, { a: 1, b: 0, tx: 1, c: 0, d: 1, ty: 0 }, 8, 6);
    expect(out.data[3 * 3]).toBeCloseTo(ramp.data[2]!, 4); // output x=3 ← source x=2
    expect(out.data[0]).toBe(0); // output x=0 ← source x=−1: outside
  });

  it('bilinear interpolation halfway between pixels gives their mean', () => {
    const out = warpAffine(ramp, { a: 1, b: 0, tx: -0.5, c: 0, d: 1, ty: 0 }, 4, 1);
    expect(out.data[0]).toBeCloseTo((ramp.data[0]! + ramp.data[1]!) / 2, 4);
  });

  it('box downscale averages each k×k block', () => {
    const small = boxDownscale(ramp, 2);
    expect(small.width).toBe(4);
    expect(small.height).toBe(3);
    expect(small.data[0]).toBe(Math.round((0 + 10 + 1 + 11) / 4));
  });
});
