import { describe, expect, it } from 'vitest';
import { onnxPads, samePads } from '../../../scripts/models/tflite/padding.js';

// Wrong SAME padding shifts every feature map by a pixel: the converted model would still run,
// and silently disagree with TFLite.
describe('TensorFlow SAME padding as explicit pads', () => {
  it('puts the odd padding pixel at the end, as TensorFlow does', () => {
    expect(samePads(112, 3, 2)).toEqual([0, 1]);
    expect(samePads(256, 3, 2)).toEqual([0, 1]);
    expect(samePads(56, 3, 1)).toEqual([1, 1]);
  });

  it('keeps output size ceil(in / stride) for any size, kernel and stride', () => {
    for (let size = 1; size <= 40; size++) {
      for (const kernel of [1, 2, 3, 5, 7]) {
        for (const stride of [1, 2, 3]) {
          const [before, after] = samePads(size, kernel, stride);
          const out = Math.floor((size + before + after - kernel) / stride) + 1;
          expect(out).toBe(Math.ceil(size / stride));
          expect(after - before).toBeGreaterThanOrEqual(0);
          expect(after - before).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('orders ONNX pads as top, left, bottom, right and leaves VALID unpadded', () => {
    expect(onnxPads('SAME', 7, 8, [3, 3], [2, 2])).toEqual([1, 0, 1, 1]);
    expect(onnxPads('VALID', 7, 8, [3, 3], [2, 2])).toEqual([0, 0, 0, 0]);
  });
});
