/**
 * face-api.js FaceLandmark68Net rebuilt as an ONNX graph from face-api's own weights, following
 * face-api's src/faceFeatureExtractor/ and src/faceLandmarkNet/: input (x − mean_rgb) / 255 on a
 * 112×112 RGB crop, four "dense blocks" (each: a stride-2 conv, then three depthwise-separable
 * convs whose outputs are summed densely), average pool 7/2, fully connected → 136 values.
 *
 * The output is face-api's raw `runNet` result: 68 (x, y) pairs interleaved, as fractions of the
 * 112×112 input. Mapping them back to image pixels (face-api's `postProcess`) depends on how the
 * crop was cut, so the pipeline does it (src/main/face/landmarks.ts).
 */
import { DataType, OnnxGraph } from '../onnx/graph.js';
import { samePads } from '../tflite/padding.js';
import { GraphWeights } from './graph-weights.js';
import { normalisedNchwInput } from './input.js';
import type { NamedWeight } from './weights.js';

export const LANDMARK_INPUT_SIZE = 112;
export const LANDMARK_OUTPUTS = 136;

interface Feature {
  readonly name: string;
  readonly channels: number;
  /** Spatial size (square). */
  readonly size: number;
}

export function buildFaceApiLandmarks(weights: ReadonlyMap<string, NamedWeight>, docString: string): Uint8Array {
  return new LandmarkBuilder(weights).build(docString);
}

class LandmarkBuilder {
  private readonly graph = new OnnxGraph('faceapi_landmark68');
  private readonly weights: GraphWeights;

  constructor(weights: ReadonlyMap<string, NamedWeight>) {
    this.weights = new GraphWeights(this.graph, weights, 'face-api landmark');
  }

  build(docString: string): Uint8Array {
    let x: Feature = { name: normalisedNchwInput(this.graph, LANDMARK_INPUT_SIZE), channels: 3, size: LANDMARK_INPUT_SIZE };
    for (const block of ['dense0', 'dense1', 'dense2', 'dense3']) x = this.denseBlock(x, block);
    if (x.size !== 7) throw new Error(`face-api landmark net: feature map is ${x.size}×${x.size}, expected 7×7`);
    // avgPool 7×7 stride 2 'valid' on a 7×7 map leaves 1×1, so flattening is layout-independent.
    const pooled = this.graph.op('AveragePool', [x.name], 'avgpool', { kernel_shape: { ints: [7, 7] }, strides: { ints: [2, 2] } });
    const flat = this.graph.op('Flatten', [pooled], 'flatten', { axis: { int: 1 } });
    const product = this.graph.op('MatMul', [flat, this.weights.dequantised('fc/weights', [0, 1])], 'fc/matmul');
    this.graph.opNamed('Add', [product, this.weights.dequantised('fc/bias', [0])], 'landmarks');
    this.graph.output('landmarks', DataType.FLOAT, ['N', LANDMARK_OUTPUTS]);
    this.weights.assertAllUsed();
    return this.graph.encode(docString);
  }

  /**
   * face-api's denseBlock4: out1 = relu(conv0(x), stride 2); out2 = sep(out1);
   * out3 = sep(relu(out1 + out2)); out4 = sep(relu(out1 + out2 + out3));
   * result relu(out1 + out2 + out3 + out4). The sums nest as face-api writes them.
   */
  private denseBlock(x: Feature, prefix: string): Feature {
    const first = prefix === 'dense0';
    const conv0 = first ? this.conv(x, `${prefix}/conv0`, 2) : this.separableConv(x, `${prefix}/conv0`, 2);
    const out1 = { ...conv0, name: this.graph.op('Relu', [conv0.name], `${prefix}/out1`) };
    const out2 = this.separableConv(out1, `${prefix}/conv1`, 1).name;
    const in3 = this.relu(this.add(out1.name, out2, `${prefix}/sum2`), `${prefix}/in3`);
    const out3 = this.separableConv({ ...out1, name: in3 }, `${prefix}/conv2`, 1).name;
    const in4 = this.relu(this.add(out1.name, this.add(out2, out3, `${prefix}/sum23`), `${prefix}/sum123`), `${prefix}/in4`);
    const out4 = this.separableConv({ ...out1, name: in4 }, `${prefix}/conv3`, 1).name;
    const sum = this.add(out1.name, this.add(out2, this.add(out3, out4, `${prefix}/sum34`), `${prefix}/sum234`), `${prefix}/sum1234`);
    return { ...out1, name: this.relu(sum, `${prefix}/out`) };
  }

  /** tf.conv2d(x, filters, stride, 'same') + bias. */
  private conv(x: Feature, prefix: string, stride: number): Feature {
    const filters = this.weights.weight(`${prefix}/filters`);
    const [kernel = 0, , , outChannels = 0] = filters.shape;
    // tfjs filters are [KH, KW, I, O]; ONNX wants [O, I, KH, KW].
    const w = this.weights.dequantised(`${prefix}/filters`, [3, 2, 0, 1]);
    const bias = this.weights.dequantised(`${prefix}/bias`, [0]);
    return this.convNode(x, [w, bias], prefix, kernel, stride, 1, outChannels);
  }

  /** tf.separableConv2d(x, depthwise, pointwise, stride, 'same') + bias: the stride is the depthwise conv's. */
  private separableConv(x: Feature, prefix: string, stride: number): Feature {
    const depthwise = this.weights.weight(`${prefix}/depthwise_filter`);
    const [kernel = 0, , , multiplier = 0] = depthwise.shape;
    if (multiplier !== 1) throw new Error(`${prefix}: depth multiplier ${multiplier} is not face-api's 1`);
    // Depthwise [KH, KW, C, 1] → [C, 1, KH, KW] with group = C; pointwise [1, 1, C, O] → [O, C, 1, 1].
    const dw = this.weights.dequantised(`${prefix}/depthwise_filter`, [2, 3, 0, 1]);
    const spatial = this.convNode(x, [dw], `${prefix}/depthwise`, kernel, stride, x.channels, x.channels);
    const pointwise = this.weights.weight(`${prefix}/pointwise_filter`);
    const outChannels = pointwise.shape[3] ?? 0;
    const pw = this.weights.dequantised(`${prefix}/pointwise_filter`, [3, 2, 0, 1]);
    const bias = this.weights.dequantised(`${prefix}/bias`, [0]);
    return this.convNode(spatial, [pw, bias], `${prefix}/pointwise`, 1, 1, 1, outChannels);
  }

  /** An ONNX Conv with TensorFlow's SAME padding (the odd pixel at the end). */
  private convNode(x: Feature, weights: readonly string[], hint: string, kernel: number, stride: number, group: number, outChannels: number): Feature {
    const [before, after] = samePads(x.size, kernel, stride);
    const name = this.graph.op('Conv', [x.name, ...weights], hint, {
      kernel_shape: { ints: [kernel, kernel] },
      strides: { ints: [stride, stride] },
      pads: { ints: [before, before, after, after] },
      group: { int: group },
    });
    return { name, channels: outChannels, size: Math.ceil(x.size / stride) };
  }

  private add(a: string, b: string, hint: string): string {
    return this.graph.op('Add', [a, b], hint);
  }

  private relu(a: string, hint: string): string {
    return this.graph.op('Relu', [a], hint);
  }
}
