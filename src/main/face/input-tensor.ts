/**
 * The input tensor every face model takes: a batch of square images whose side and layout the
 * manifest states. Read here once, so the detector, landmarker, embedder and liveness model cannot
 * disagree about which axis holds the side.
 */
import { FACE_ERROR_CODES, faceError } from './error-codes.js';
import type { ModelEntry } from './manifest.js';

type ModelIo = ModelEntry['io'];

/** Side in pixels of the square image the model expects (axis 1 in NHWC, axis 2 in NCHW). */
export function inputSide(io: ModelIo): number {
  const side = io.layout === 'NHWC' ? io.inputShape[1] : io.inputShape[2];
  if (side === undefined) {
    const shape = `[${io.inputShape.join(', ')}]`;
    throw faceError(FACE_ERROR_CODES.MODEL_UNAVAILABLE, `モデル定義の入力形状 ${shape} に画像の辺がありません。モデルを再構築してください`, `Input shape ${shape} has no image side. Rebuild the models`);
  }
  return side;
}

/** A zeroed buffer the size of the whole input tensor, reused for every run. */
export function inputBuffer(io: ModelIo): Float32Array {
  return new Float32Array(io.inputShape.reduce((a, b) => a * b, 1));
}
