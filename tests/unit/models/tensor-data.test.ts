import { describe, expect, it } from 'vitest';
import { halfToFloat } from '../../../scripts/models/tflite/tensor-data.js';

// FaceAntiSpoofing stores its weights as fp16; a wrong widening corrupts every weight.
describe('fp16 → float32 widening', () => {
  it('decodes normal, subnormal and special half-precision values exactly', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x3555)).toBeCloseTo(0.333251953125, 12);
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
  });

  it('round-trips every finite half through Math.fround unchanged', () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = halfToFloat(bits);
      if (Number.isFinite(value)) expect(Math.fround(value)).toBe(value);
    }
  });
});
