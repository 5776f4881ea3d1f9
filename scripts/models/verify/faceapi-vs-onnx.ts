/**
 * Runs face-api.js (tfjs WASM) and the rebuilt ONNX FaceRecognitionNet on the same 150×150
 * crops and reports the largest absolute descriptor difference.
 */
import * as ort from 'onnxruntime-node';
import { FaceApiReference } from '../reference/faceapi-wasm.js';
import { AgreementMeter, type Agreement } from './agreement.js';

export async function compareFaceApiWithOnnx(onnx: Uint8Array, crops150: readonly Float32Array[]): Promise<Agreement> {
  const reference = await FaceApiReference.load();
  const session = await ort.InferenceSession.create(onnx, { intraOpNumThreads: 2, logSeverityLevel: 3 });
  const meter = new AgreementMeter();
  try {
    for (const crop of crops150) {
      const expected = await reference.descriptor(crop);
      const out = await session.run({ input: new ort.Tensor('float32', crop, [1, 150, 150, 3]) });
      meter.compare('descriptor', out.descriptor?.data, expected);
    }
  } finally {
    await session.release();
  }
  return meter.result(crops150.length);
}
