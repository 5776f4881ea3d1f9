/**
 * TensorFlow "SAME" padding as explicit ONNX pads. TF pads so that out = ceil(in / stride) and
 * puts the odd pixel at the END (bottom/right); ONNX's auto_pad=SAME_UPPER would do the same,
 * but explicit pads computed from the static shapes are unambiguous across runtimes.
 */
import { InvalidTfliteError } from './errors.js';

export type Padding = 'SAME' | 'VALID';

/** TFLite Padding enum: SAME = 0, VALID = 1. */
export function paddingFromTflite(value: number): Padding {
  if (value === 0) return 'SAME';
  if (value === 1) return 'VALID';
  throw new InvalidTfliteError(`unknown TFLite padding ${value}`);
}

/** [before, after] padding along one spatial axis. */
export function samePads(inputSize: number, kernel: number, stride: number, dilation = 1): [number, number] {
  const effectiveKernel = (kernel - 1) * dilation + 1;
  const outputSize = Math.ceil(inputSize / stride);
  const total = Math.max((outputSize - 1) * stride + effectiveKernel - inputSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** ONNX `pads` attribute [top, left, bottom, right] for a 2-D window over NHWC height and width. */
export function onnxPads(padding: Padding, height: number, width: number, kernel: readonly [number, number], stride: readonly [number, number], dilation: readonly [number, number] = [1, 1]): number[] {
  if (padding === 'VALID') return [0, 0, 0, 0];
  const [top, bottom] = samePads(height, kernel[0], stride[0], dilation[0]);
  const [left, right] = samePads(width, kernel[1], stride[1], dilation[1]);
  return [top, left, bottom, right];
}
