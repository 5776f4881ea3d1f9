import { describe, expect, it } from 'vitest';
import { cosine, l2Normalise } from '../../../src/main/face/vector.js';
import { areaUnderCurve, equalErrorRate, operatingPoint, quantile, tarAtFar } from '../../../src/main/face/verification-metrics.js';

describe('verification metrics', () => {
  const genuine = [0.9, 0.8, 0.75, 0.6, 0.4];
  const impostor = [0.1, 0.2, 0.3, 0.5, 0.65];

  it('TAR and FAR at a threshold count scores at or above it', () => {
    expect(operatingPoint(genuine, impostor, 0.6)).toEqual({ tar: 0.8, far: 0.2 });
  });

  it('TAR at a FAR the impostor count cannot resolve means above every impostor', () => {
    const { threshold, tar } = tarAtFar(genuine, impostor, 1e-3);
    expect(threshold).toBeGreaterThan(0.65);
    expect(tar).toBe(0.6);
    expect(tarAtFar(genuine, impostor, 0.2).tar).toBe(0.8); // one impostor of five may pass
  });

  it('EER and AUC on separable, overlapping and identical sets', () => {
    expect(equalErrorRate([0.9, 0.8], [0.1, 0.2])).toBe(0);
    expect(areaUnderCurve([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(equalErrorRate(genuine, impostor)).toBeCloseTo(0.2);
    expect(areaUnderCurve(genuine, impostor)).toBeCloseTo(22 / 25);
    expect(areaUnderCurve([0.5], [0.5])).toBe(0.5);
  });

  it('quantile by nearest rank', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([5, 1, 3, 2, 4], 0.99)).toBe(5);
  });

  it('cosine and L2 normalisation; a zero or NaN embedding is an error, not a NaN score', () => {
    const a = l2Normalise(Float32Array.of(3, 4));
    expect(a[0]).toBeCloseTo(0.6);
    expect(cosine(a, Float32Array.of(6, 8))).toBeCloseTo(1);
    expect(cosine(Float32Array.of(1, 0), Float32Array.of(0, 1))).toBeCloseTo(0);
    expect(() => l2Normalise(new Float32Array(4))).toThrow(RangeError);
    expect(() => l2Normalise(Float32Array.of(Number.NaN, 1))).toThrow(RangeError);
    expect(() => cosine(Float32Array.of(1), Float32Array.of(1, 2))).toThrow(RangeError);
  });
});
