import { describe, expect, it } from 'vitest';
import { buildOnnxFor } from '../../../scripts/models/builders.js';
import { sha256Hex } from '../../../scripts/models/hash.js';
import { compareFaceApiWithOnnx } from '../../../scripts/models/verify/faceapi-vs-onnx.js';
import { demoFaceCrops } from '../../../scripts/models/verify/face-crops.js';
import { dependencyInputs, manifestEntry } from './model-inputs.js';

// The licence-clean embedder must give face-api's own descriptors, so its published
// behaviour (and the thresholds measured with it) carry over to the rebuilt graph.
describe('face-api FaceRecognitionNet rebuilt as ONNX', () => {
  const entry = manifestEntry('faceapi-resnet');
  const onnx = buildOnnxFor('faceapi-resnet', dependencyInputs(entry));

  it('is built from the pinned weights into exactly the bytes the manifest records', () => {
    expect(sha256Hex(onnx)).toBe(entry.sha256.output);
  });

  it('matches face-api on the tfjs WASM backend to 1e-4 on face crops from its demo photos', async () => {
    const agreement = await compareFaceApiWithOnnx(onnx, demoFaceCrops(150).map((c) => c.rgb));
    expect(agreement.images).toBe(8);
    expect(agreement.maxAbsReference).toBeGreaterThan(0.1);
    expect(agreement.maxAbsDiff).toBeLessThanOrEqual(1e-4);
  });
});
