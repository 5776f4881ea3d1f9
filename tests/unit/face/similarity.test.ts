import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAffine, fitSimilarity, invertAffine, scaleOf, type Point } from '../../../src/main/face/similarity.js';

const points: Point[] = [
  { x: 38.3, y: 51.7 },
  { x: 73.5, y: 51.5 },
  { x: 56.0, y: 71.7 },
  { x: 56.1, y: 92.3 },
];

describe('Umeyama similarity fit', () => {
  it('recovers a known rotation, scale and translation exactly from noise-free points', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        (s, theta, tx, ty) => {
          const truth = { a: s * Math.cos(theta), b: -s * Math.sin(theta), tx, c: s * Math.sin(theta), d: s * Math.cos(theta), ty };
          const fitted = fitSimilarity(points, points.map((p) => applyAffine(truth, p)));
          for (const key of ['a', 'b', 'c', 'd', 'tx', 'ty'] as const) expect(fitted[key]).toBeCloseTo(truth[key], 6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the least-squares answer for noisy points (residual no larger than the truth’s)', () => {
    const truth = { a: 1.5, b: -0.2, tx: 10, c: 0.2, d: 1.5, ty: -4 };
    const noise = [0.8, -0.5, 0.3, -0.9, -0.2, 0.6, 0.4, 0.1];
    const target = points.map((p, i) => {
      const q = applyAffine(truth, p);
      return { x: q.x + noise[2 * i]!, y: q.y + noise[2 * i + 1]! };
    });
    const residual = (m: typeof truth): number => points.reduce((sum, p, i) => sum + (applyAffine(m, p).x - target[i]!.x) ** 2 + (applyAffine(m, p).y - target[i]!.y) ** 2, 0);
    const fitted = fitSimilarity(points, target);
    expect(residual(fitted)).toBeLessThanOrEqual(residual(truth));
    expect(fitted.a).toBeCloseTo(fitted.d, 12); // still a similarity: no shear
    expect(fitted.b).toBeCloseTo(-fitted.c, 12);
  });

  it('never reflects: a mirrored target still yields a positive-determinant transform', () => {
    const mirrored = points.map((p) => ({ x: -p.x, y: p.y }));
    const m = fitSimilarity(points, mirrored);
    expect(m.a * m.d - m.b * m.c).toBeGreaterThan(0);
  });

  it('rejects degenerate input', () => {
    expect(() => fitSimilarity([{ x: 1, y: 1 }, { x: 1, y: 1 }], points.slice(0, 2))).toThrow(RangeError);
    expect(() => fitSimilarity(points, points.slice(0, 3))).toThrow(RangeError);
  });

  it('inverts and measures scale', () => {
    const m = fitSimilarity(points, points.map((p) => ({ x: 2 * p.x + 3, y: 2 * p.y - 1 })));
    const back = applyAffine(invertAffine(m), applyAffine(m, { x: 7, y: 9 }));
    expect(back.x).toBeCloseTo(7, 9);
    expect(back.y).toBeCloseTo(9, 9);
    expect(scaleOf(m)).toBeCloseTo(2, 9);
  });
});
