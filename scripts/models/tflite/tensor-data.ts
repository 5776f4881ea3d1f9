/**
 * Constant tensors of a TFLite model as typed arrays, with fp16 weights (stored behind a
 * DEQUANTIZE operator) widened to float32 at conversion time so the ONNX graph needs no
 * DEQUANTIZE at run time.
 */
import { TensorType, type TfliteTensor } from './model.js';

export type ConstantData = { readonly kind: 'float'; readonly values: Float32Array } | { readonly kind: 'int'; readonly values: Int32Array };

export function constantData(tensor: TfliteTensor): ConstantData | undefined {
  const data = tensor.data;
  if (data === undefined) return undefined;
  // Copy: buffers inside the model file need not be 4-byte aligned.
  const aligned = data.slice().buffer;
  switch (tensor.type) {
    case TensorType.FLOAT32:
      return { kind: 'float', values: new Float32Array(aligned) };
    case TensorType.FLOAT16:
      return { kind: 'float', values: Float32Array.from(new Uint16Array(aligned), halfToFloat) };
    case TensorType.INT32:
      return { kind: 'int', values: new Int32Array(aligned) };
    default:
      throw new Error(`constant ${tensor.name} has TFLite type ${tensor.type}, which the converter does not support`);
  }
}

/** IEEE 754 binary16 → number, including subnormals, infinities and NaN. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
