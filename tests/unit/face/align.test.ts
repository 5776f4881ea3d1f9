import { describe, expect, it } from 'vitest';
import { alignmentTransform } from '../../../src/main/face/align.js';
import { fivePoints, landmarkCropTransform } from '../../../src/main/face/landmarks.js';
import { applyAffine, type Point } from '../../../src/main/face/similarity.js';

/**
 * 68 iBUG landmarks of an upright face whose eye centres are at (100 ± 30, 200), nose tip at
 * (100, 235) and mouth corners at (100 ± 25, 270); the other points are spread around them so
 * the five-point reduction has something to average. Rotated by `angle` about (100, 230).
 */
function face(angle = 0): Point[] {
  const p: Point[] = Array.from({ length: 68 }, (_, i) => ({ x: 40 + i, y: 150 + (i % 7) * 20 }));
  const eye = (cx: number, at: number): void => {
    [[-8, 0], [-4, -3], [4, -3], [8, 0], [4, 3], [-4, 3]].forEach(([dx, dy], k) => (p[at + k] = { x: cx + dx!, y: 200 + dy! }));
  };
  eye(70, 36);
  eye(130, 42);
  p[30] = { x: 100, y: 235 };
  p[48] = { x: 75, y: 270 };
  p[54] = { x: 125, y: 270 };
  for (let i = 49; i < 68; i++) if (i !== 54) p[i] = { x: 100 + ((i % 2) * 2 - 1) * 10, y: 270 };
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return p.map(({ x, y }) => ({ x: 100 + c * (x - 100) - s * (y - 230), y: 230 + s * (x - 100) + c * (y - 230) }));
}

describe('alignment from 68 landmarks', () => {
  it('reduces the 68 points to eye centres, nose tip and mouth corners', () => {
    const five = fivePoints(face());
    expect(five.eyeLeft.x).toBeCloseTo(70, 9);
    expect(five.eyeLeft.y).toBeCloseTo(200, 9);
    expect(five.eyeRight.x).toBeCloseTo(130, 9);
    expect(five.nose).toEqual({ x: 100, y: 235 });
    expect(five.mouthLeft).toEqual({ x: 75, y: 270 });
    expect(five.mouthRight).toEqual({ x: 125, y: 270 });
    expect(() => fivePoints(face().slice(0, 67))).toThrow(RangeError);
  });

  it('puts a tilted face upright in the ArcFace crop, eyes level and on the template', () => {
    for (const angle of [-0.4, 0, 0.3]) {
      const m = alignmentTransform('arcface-112', face(angle));
      const five = fivePoints(face(angle));
      const left = applyAffine(m, five.eyeLeft);
      const right = applyAffine(m, five.eyeRight);
      expect(Math.abs(left.y - right.y)).toBeLessThan(1);
      // The template's eyes: (38.3, 51.7) and (73.5, 51.5); the synthetic face is not the
      // template's shape, so the least-squares fit lands within a few pixels.
      expect(left.x).toBeGreaterThan(33);
      expect(left.x).toBeLessThan(44);
      expect(right.x).toBeGreaterThan(68);
      expect(right.x).toBeLessThan(79);
      expect(applyAffine(m, five.nose).y).toBeGreaterThan(left.y);
    }
  });

  it('cuts face-api’s square: side = eye-to-mouth / 0.45, the eyes-and-mouth centroid at 0.5 × 0.43', () => {
    const m = alignmentTransform('faceapi-150', face());
    // Eye centres (70, 200), (130, 200); mouth centre (100, 270): eye-to-mouth = √(30² + 70²).
    const side = Math.floor(Math.hypot(30, 70) / 0.45);
    expect(m.b).toBe(0);
    expect(m.c).toBe(0);
    expect(m.a).toBeCloseTo(150 / side, 12);
    const centroid = applyAffine(m, { x: 100, y: (200 + 200 + 270) / 3 });
    // face-api floors the corner to a whole pixel, so the centroid may sit up to a pixel lower/righter.
    expect(centroid.x).toBeGreaterThanOrEqual(0.5 * 150 - 0.5);
    expect(centroid.x).toBeLessThan(0.5 * 150 + (150 / side) - 0.5 + 1e-9);
    expect(centroid.y).toBeGreaterThanOrEqual(0.43 * 150 - 0.5);
    expect(centroid.y).toBeLessThan(0.43 * 150 + (150 / side) - 0.5 + 1e-9);
  });

  it('frames the landmark crop around the detector box: edges of the square land on the crop edges', () => {
    const detection = { score: 0.9, box: { xMin: 100, yMin: 50, xMax: 200, yMax: 150 }, keypoints: [] };
    const m = landmarkCropTransform(detection, { scale: 1.2, shiftY: 0.1 }, 112);
    // side 120 centred at (150, 110): edges x 90…210 and y 50…170 (pixel edges sit at −0.5).
    expect(applyAffine(m, { x: 90 - 0.5, y: 50 - 0.5 })).toEqual({ x: expect.closeTo(-0.5, 9), y: expect.closeTo(-0.5, 9) });
    expect(applyAffine(m, { x: 210 - 0.5, y: 170 - 0.5 })).toEqual({ x: expect.closeTo(111.5, 9), y: expect.closeTo(111.5, 9) });
  });
});
