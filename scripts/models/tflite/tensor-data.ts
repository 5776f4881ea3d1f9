/**
 * Constant tensors of a TFLite model as typed arrays, with fp16 weights (stored behind a
 * DEQUANTIZE operator) widened to float32 at conversion time so the ONNX graph needs no
 * DEQUANTIZE at run time.
 */
import { InvalidTfliteError, UnsupportedTfliteError } from './errors.js';
import { TensorType, type TfliteTensor } from './model.js';

const ELEMENT_SIZE: Partial<Record<number, number>> = { [TensorType.FLOAT32]: 4, [TensorType.FLOAT16]: 2, [TensorType.INT32]: 4 };

export type ConstantData = { readonly kind: 'float'; readonly values: Float32Array } | { readonly kind: 'int'; readonly values: Int32Array };

export function constantData(tensor: TfliteTensor): ConstantData | undefined {
  const data = tensor.data;
  if (data === undefined) return undefined;
  const elementSize = ELEMENT_SIZE[tensor.type];
  if (elementSize === undefined) throw new UnsupportedTfliteError(`constant ${tensor.name} has TFLite type ${tensor.type}, which the converter does not support`);
  const count = tensor.shape.reduce((a, b) => a * b, 1);
  if (tensor.shape.some((d) => d < 0) || data.length !== count * elementSize) {
    throw new InvalidTfliteError(`constant ${tensor.name} holds ${data.length} bytes, its shape [${tensor.shape.join(',')}] needs ${count * elementSize}`);
  }
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
      throw new UnsupportedTfliteError(`constant ${tensor.name} has TFLite type ${tensor.type}, which the converter does not support`);
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
