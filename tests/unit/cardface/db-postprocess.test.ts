import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesFromProbabilityMap } from '../../../src/main/cardface/ocr/db-postprocess.js';

/** A probability map with filled rotated rectangles (centre, half sizes, angle) of probability p. */
function map(width: number, height: number, rects: { cx: number; cy: number; hw: number; hh: number; angle: number; p: number }[]): Float32Array {
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (const r of rects) {
        const dx = x - r.cx;
        const dy = y - r.cy;
        const u = dx * Math.cos(r.angle) + dy * Math.sin(r.angle);
        const v = -dx * Math.sin(r.angle) + dy * Math.cos(r.angle);
        if (Math.abs(u) <= r.hw && Math.abs(v) <= r.hh) out[y * width + x] = r.p;
      }
    }
  }
  return out;
}

describe('DB post-processing of the detector map', () => {
  it('finds a slightly rotated text line with its centre, direction and an expanded size', () => {
    const angle = (2 * Math.PI) / 180;
    const boxes = boxesFromProbabilityMap(map(200, 80, [{ cx: 100, cy: 40, hw: 60, hh: 6, angle, p: 0.9 }]), 200, 80);
    expect(boxes).toHaveLength(1);
    const [box] = boxes;
    expect(box?.cx).toBeCloseTo(100, 0);
    expect(box?.cy).toBeCloseTo(40, 0);
    expect(box?.angle).toBeCloseTo(angle, 2);
    // The detector marks a shrunk kernel: the box must come out larger than the kernel.
    expect(box?.width).toBeGreaterThan(121);
    expect(box?.height).toBeGreaterThan(13);
  });

  it('gives short regions the direction of the long ones (text on one card shares it)', () => {
    const angle = (-3 * Math.PI) / 180;
    const boxes = boxesFromProbabilityMap(
      map(300, 120, [
        { cx: 100, cy: 40, hw: 80, hh: 6, angle, p: 0.9 },
        { cx: 250, cy: 90, hw: 8, hh: 7, angle: 0, p: 0.9 },
      ]),
      300,
      120,
    );
    expect(boxes).toHaveLength(2);
    for (const b of boxes) expect(b.angle).toBeCloseTo(angle, 2);
  });

  it('drops faint regions below the box threshold', () => {
    expect(boxesFromProbabilityMap(map(100, 40, [{ cx: 50, cy: 20, hw: 30, hh: 5, angle: 0, p: 0.45 }]), 100, 40)).toEqual([]);
  });

  it('rejects a map whose size does not match, and never throws on arbitrary maps', () => {
    expect(() => boxesFromProbabilityMap(new Float32Array(10), 4, 4)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 24 }), fc.integer(), (w, h, seed) => {
        let s = seed;
        const m = Float32Array.from({ length: w * h }, () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % 1000) / 1000);
        for (const b of boxesFromProbabilityMap(m, w, h)) expect(Number.isFinite(b.cx + b.cy + b.width + b.height + b.angle)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
