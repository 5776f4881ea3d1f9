import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOnnxFor } from '../../../scripts/models/builders.js';
import { sha256Hex } from '../../../scripts/models/hash.js';
import { demoFaceCrops } from '../../../scripts/models/verify/face-crops.js';
import { compareTfliteWithOnnx } from '../../../scripts/models/verify/tflite-vs-onnx.js';
import { dependencyInputs, manifestEntry } from './model-inputs.js';

// The converted MobileFaceNet must compute what the real TFLite interpreter computes, or every
// threshold measured on the original model is meaningless for the kiosk.
describe('MobileFaceNet converted by the project TFLite→ONNX converter', () => {
  const entry = manifestEntry('mobilefacenet');
  const [tflitePath] = dependencyInputs(entry);
  const tflite = readFileSync(tflitePath ?? '');
  const onnx = buildOnnxFor('mobilefacenet', dependencyInputs(entry));

  it('is built from the pinned TFLite file into exactly the bytes the manifest records', () => {
    expect(sha256Hex(tflite)).toBe(entry.sha256.input);
    expect(sha256Hex(onnx)).toBe(entry.sha256.output);
  });

  it('matches the TFLite WASM interpreter to 1e-4 on face crops from face-api demo photos', async () => {
    const crops = demoFaceCrops(112).map((c) => c.rgb.map((p) => (p - 127.5) / 128));
    const agreement = await compareTfliteWithOnnx(tflite, onnx, crops);
    expect(agreement.images).toBe(8);
    // The embeddings are un-normalised with magnitudes of tens: a real signal is being compared.
    expect(agreement.maxAbsReference).toBeGreaterThan(1);
    expect(agreement.maxAbsDiff).toBeLessThanOrEqual(1e-4);
  });
});
