import { describe, expect, it } from 'vitest';
import { buildOnnxFor } from '../../../scripts/models/builders.js';
import { sha256Hex } from '../../../scripts/models/hash.js';
import { compareFaceApiLandmarksWithOnnx } from '../../../scripts/models/verify/faceapi-landmarks-vs-onnx.js';
import { demoFaceCrops } from '../../../scripts/models/verify/face-crops.js';
import { dependencyInputs, manifestEntry } from './model-inputs.js';

// The five alignment points come from this network: it must place them exactly where face-api
// does, or the embedders' thresholds (measured with face-api's landmarks) stop applying.
describe('face-api FaceLandmark68Net rebuilt as ONNX', () => {
  const entry = manifestEntry('faceapi-landmark68');
  const onnx = buildOnnxFor('faceapi-landmark68', dependencyInputs(entry));

  it('is built from the pinned weights into exactly the bytes the manifest records', () => {
    expect(sha256Hex(onnx)).toBe(entry.sha256.output);
  });

  it('matches face-api on the tfjs WASM backend to 1e-4 on face crops from its demo photos', async () => {
    const agreement = await compareFaceApiLandmarksWithOnnx(onnx, demoFaceCrops(112).map((c) => c.rgb));
    expect(agreement.images).toBe(8);
    // Landmarks are fractions of the crop: real faces put some of them near its far edge.
    expect(agreement.maxAbsReference).toBeGreaterThan(0.5);
    expect(agreement.maxAbsDiff).toBeLessThanOrEqual(1e-4);
  });
});
