import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOnnxFor } from '../../../scripts/models/builders.js';
import { sha256Hex } from '../../../scripts/models/hash.js';
import { demoFaceCrops } from '../../../scripts/models/verify/face-crops.js';
import { compareTfliteWithOnnx } from '../../../scripts/models/verify/tflite-vs-onnx.js';
import { dependencyInputs, manifestEntry } from './model-inputs.js';

// The optional liveness model exercises the converter's other half: fp16 weights behind
// DEQUANTIZE, LeakyReLU, pooling, fully connected, strided slices, comparisons and casts.
describe('FaceAntiSpoofing converted by the project TFLite→ONNX converter', () => {
  const entry = manifestEntry('antispoof');
  const [tflitePath] = dependencyInputs(entry);
  const tflite = readFileSync(tflitePath ?? '');
  const onnx = buildOnnxFor('antispoof', dependencyInputs(entry));

  it('is built from the pinned TFLite file into exactly the bytes the manifest records', () => {
    expect(sha256Hex(tflite)).toBe(entry.sha256.input);
    expect(sha256Hex(onnx)).toBe(entry.sha256.output);
  });

  it('matches the TFLite WASM interpreter to 1e-4 on two demo face crops', async () => {
    // Two crops only: the reference interpreter needs about 2 s per 256×256 image.
    const crops = demoFaceCrops(256, 2).map((c) => c.rgb.map((p) => p / 255));
    const agreement = await compareTfliteWithOnnx(tflite, onnx, crops);
    expect(agreement.maxAbsReference).toBeGreaterThan(0.1);
    expect(agreement.maxAbsDiff).toBeLessThanOrEqual(1e-4);
  });
});
