import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transposeData } from '../../../scripts/models/tensor-transpose.js';

// Every converted weight passes through this; a wrong permutation scrambles filters silently.
describe('transposeData', () => {
  it('turns TFLite [O,KH,KW,I] conv weights into ONNX [O,I,KH,KW]', () => {
    // O=1, KH=1, KW=2, I=3: values encode (kw, i) as kw*10 + i.
    const nhwc = Float32Array.of(0, 1, 2, 10, 11, 12);
    expect(Array.from(transposeData(nhwc, [1, 1, 2, 3], [0, 3, 1, 2]))).toEqual([0, 10, 1, 11, 2, 12]);
  });

  it('puts every element where its permuted index says, for random shapes and permutations', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }).chain((shape) => fc.tuple(fc.constant(shape), fc.shuffledSubarray(shape.map((_, i) => i), { minLength: shape.length }))), ([shape, perm]) => {
        const size = shape.reduce((a, b) => a * b, 1);
        const values = Int32Array.from({ length: size }, (_, i) => i);
        const out = transposeData(values, shape, perm);
        const outShape = perm.map((axis) => shape[axis] ?? 0);
        // Walk the output index space and check each value against the input it came from.
        for (let flat = 0; flat < size; flat++) {
          let rest = flat;
          const outIndex = outShape.map(() => 0);
          for (let i = outShape.length - 1; i >= 0; i--) {
            outIndex[i] = rest % (outShape[i] ?? 1);
            rest = Math.floor(rest / (outShape[i] ?? 1));
          }
          const inIndex = shape.map(() => 0);
          perm.forEach((axis, i) => (inIndex[axis] = outIndex[i] ?? 0));
          const source = inIndex.reduce((acc, index, axis) => acc * (shape[axis] ?? 1) + index, 0);
          expect(out[flat]).toBe(source);
        }
      }),
      { numRuns: 200 },
    );
  });
});
