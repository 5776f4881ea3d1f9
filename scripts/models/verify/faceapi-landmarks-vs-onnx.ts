/**
 * Runs face-api.js's FaceLandmark68Net (tfjs WASM) and the rebuilt ONNX graph on the same
 * 112×112 crops and reports the largest absolute difference of the 136 outputs (fractions of
 * the crop: 1e-4 is a hundredth of a pixel at 112 px).
 */
import * as ort from 'onnxruntime-node';
import { FaceApiReference } from '../reference/faceapi-wasm.js';
import { AgreementMeter, type Agreement } from './agreement.js';

export async function compareFaceApiLandmarksWithOnnx(onnx: Uint8Array, crops112: readonly Float32Array[]): Promise<Agreement> {
  const reference = await FaceApiReference.load();
  const session = await ort.InferenceSession.create(onnx, { intraOpNumThreads: 2, logSeverityLevel: 3 });
  const meter = new AgreementMeter();
  try {
    for (const crop of crops112) {
      const expected = await reference.landmarks(crop);
      const out = await session.run({ input: new ort.Tensor('float32', crop, [1, 112, 112, 3]) });
      meter.compare('landmarks', out.landmarks?.data, expected);
    }
  } finally {
    await session.release();
  }
  return meter.result(crops112.length);
}
