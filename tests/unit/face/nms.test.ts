import { describe, expect, it } from 'vitest';
import { intersectionOverUnion, type Detection } from '../../../src/main/face/detection.js';
import { suppress } from '../../../src/main/face/nms.js';
import { frontalFace } from './support/synthetic.js';

function shifted(d: Detection, dx: number, score: number): Detection {
  return { score, box: { ...d.box, xMin: d.box.xMin + dx, xMax: d.box.xMax + dx }, keypoints: d.keypoints.map((p) => ({ x: p.x + dx, y: p.y })) };
}

describe('non-maximum suppression', () => {
  const face = frontalFace(100, 100, 80, { score: 0.9 });

  it('computes IoU of boxes', () => {
    expect(intersectionOverUnion(face.box, face.box)).toBeCloseTo(1);
    expect(intersectionOverUnion(face.box, shifted(face, 40, 1).box)).toBeCloseTo(40 / 120);
    expect(intersectionOverUnion(face.box, shifted(face, 200, 1).box)).toBe(0);
  });

  it('merges neighbouring anchors on one face into one detection, keeping the best score', () => {
    const out = suppress([shifted(face, 4, 0.6), face, shifted(face, -4, 0.6)], 0.3);
    expect(out).toHaveLength(1);
    expect(out[0]!.score).toBe(0.9);
  });

  it('weighted mode blends boxes and keypoints by score; plain keeps the top one', () => {
    const a = face;
    const b = shifted(face, 10, 0.3);
    const weighted = suppress([a, b], 0.3, 'weighted')[0]!;
    const expectedShift = (10 * 0.3) / 1.2;
    expect(weighted.box.xMin).toBeCloseTo(a.box.xMin + expectedShift);
    expect(weighted.keypoints[0]!.x).toBeCloseTo(a.keypoints[0]!.x + expectedShift);
    const plain = suppress([b, a], 0.3, 'plain')[0]!;
    expect(plain).toEqual(a);
  });

  it('keeps separate faces separate, best first', () => {
    const other = shifted(face, 300, 0.95);
    const out = suppress([face, other], 0.3);
    expect(out.map((d) => d.score)).toEqual([0.95, 0.9]);
  });
});
