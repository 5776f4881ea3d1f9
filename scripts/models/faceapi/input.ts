/**
 * The input stage every face-api network shares: an NHWC RGB image 0–255, normalised as
 * face-api does it — (x − mean_rgb) / 255, in NHWC so the mean broadcasts over the last axis —
 * then transposed to NCHW for the ONNX convolutions.
 */
import { DataType, type OnnxGraph } from '../onnx/graph.js';

/** face-api's per-channel RGB mean. */
const MEAN_RGB = [122.782, 117.001, 104.298];

/** Declares the graph input `input` [N, size, size, 3]; returns the normalised NCHW value. */
export function normalisedNchwInput(graph: OnnxGraph, size: number): string {
  const input = graph.input('input', DataType.FLOAT, ['N', size, size, 3]);
  const mean = graph.floatConstant('mean_rgb', [3], Float32Array.from(MEAN_RGB));
  const divisor = graph.floatConstant('divisor', [], Float32Array.of(255));
  const normalised = graph.op('Div', [graph.op('Sub', [input, mean], 'centred'), divisor], 'normalised');
  return graph.op('Transpose', [normalised], 'nchw', { perm: { ints: [0, 3, 1, 2] } });
}
