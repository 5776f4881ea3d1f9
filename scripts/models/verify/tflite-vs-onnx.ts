/**
 * Runs a TFLite model in the real TFLite interpreter and its converted ONNX in onnxruntime-node
 * on the same inputs, and reports the largest absolute difference per output.
 */
import * as ort from 'onnxruntime-node';
import { TfliteInterpreter } from '../reference/tflite-interpreter.js';
import { readTfliteModel } from '../tflite/model.js';
import { AgreementMeter, type Agreement } from './agreement.js';

/**
 * @param images one preprocessed NHWC image per entry (the model's per-image input size). The
 *   TFLite model's batch is fixed (MobileFaceNet: 2), so images are fed in batches of that size;
 *   the converted model takes the same batch.
 */
export async function compareTfliteWithOnnx(tflite: Uint8Array, onnx: Uint8Array, images: readonly Float32Array[]): Promise<Agreement> {
  const model = readTfliteModel(tflite);
  const inputTensor = model.tensors[model.inputs[0] ?? -1];
  if (inputTensor === undefined || model.inputs.length !== 1) throw new Error('only single-input models are compared');
  const batch = inputTensor.shape[0] ?? 1;
  const perImage = inputTensor.shape.slice(1).reduce((a, b) => a * b, 1);

  const interpreter = await TfliteInterpreter.load(tflite);
  const session = await ort.InferenceSession.create(onnx, { intraOpNumThreads: 2, logSeverityLevel: 3 });
  const meter = new AgreementMeter();
  try {
    for (let start = 0; start < images.length; start += batch) {
      const packed = new Float32Array(batch * perImage);
      for (let b = 0; b < batch; b++) {
        // A short last batch repeats its final image; its outputs are compared all the same.
        const image = images[Math.min(start + b, images.length - 1)];
        if (image?.length !== perImage) throw new Error(`image ${start + b} has ${image?.length} values, model needs ${perImage}`);
        packed.set(image, b * perImage);
      }
      const reference = interpreter.run([packed]);
      const converted = await session.run({ [inputTensor.name]: new ort.Tensor('float32', packed, [...inputTensor.shape]) });
      for (const [name, expected] of reference) meter.compare(name, converted[name]?.data, expected.data);
    }
  } finally {
    interpreter.dispose();
    await session.release();
  }
  return meter.result(images.length);
}
