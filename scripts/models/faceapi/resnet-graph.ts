/**
 * face-api.js FaceRecognitionNet (dlib's ResNet-29 face descriptor, 128-d) rebuilt as an ONNX
 * graph from face-api's own weights, following the network in face-api's
 * src/faceRecognitionNet/: input (x − mean_rgb) / 255, conv 7×7/2 (valid) + scale + ReLU, max-pool 3/2 (valid), residual
 * blocks and "residual down" blocks, global mean, matmul with `fc`.
 *
 * Quantised weights stay uint8 in the file and are dequantised in the graph (a 256-entry table
 * lookup per tensor); onnxruntime folds those constants when the session is created, so
 * inference runs on float32 weights while the model file stays 6.6 MB instead of 22 MB.
 */
import { DataType, OnnxGraph } from '../onnx/graph.js';
import { GraphWeights } from './graph-weights.js';
import { normalisedNchwInput } from './input.js';
import type { NamedWeight } from './weights.js';

export const FACEAPI_INPUT_SIZE = 150;

/** Residual stages in face-api's order: [weight prefix, downsamples?]. */
const STAGES: readonly (readonly [string, boolean])[] = [
  ['conv32_1', false], ['conv32_2', false], ['conv32_3', false],
  ['conv64_down', true], ['conv64_1', false], ['conv64_2', false], ['conv64_3', false],
  ['conv128_down', true], ['conv128_1', false], ['conv128_2', false],
  ['conv256_down', true], ['conv256_1', false], ['conv256_2', false],
  ['conv256_down_out', true],
];

interface Feature {
  readonly name: string;
  readonly channels: number;
  /** Spatial size (square). */
  readonly size: number;
}

export function buildFaceApiResnet(weights: ReadonlyMap<string, NamedWeight>, docString: string): Uint8Array {
  return new ResnetBuilder(weights).build(docString);
}

class ResnetBuilder {
  private readonly graph = new OnnxGraph('faceapi_resnet');
  private readonly weights: GraphWeights;

  constructor(weights: ReadonlyMap<string, NamedWeight>) {
    this.weights = new GraphWeights(this.graph, weights, 'face-api');
  }

  build(docString: string): Uint8Array {
    let x: Feature = {
      name: normalisedNchwInput(this.graph, FACEAPI_INPUT_SIZE),
      channels: 3,
      size: FACEAPI_INPUT_SIZE,
    };
    x = this.convLayer(x, 'conv32_down', 2, 'valid', true);
    x = {
      ...x,
      name: this.graph.op('MaxPool', [x.name], 'maxpool', { kernel_shape: { ints: [3, 3] }, strides: { ints: [2, 2] } }),
      size: Math.floor((x.size - 3) / 2) + 1,
    };
    for (const [prefix, down] of STAGES) x = down ? this.residualDown(x, prefix) : this.residual(x, prefix);

    const pooled = this.graph.op('ReduceMean', [x.name], 'global_mean', { axes: { ints: [2, 3] }, keepdims: { int: 0 } });
    this.graph.opNamed('MatMul', [pooled, this.weights.dequantised('fc', [0, 1])], 'descriptor');
    this.graph.output('descriptor', DataType.FLOAT, ['N', 128]);
    this.weights.assertAllUsed();
    return this.graph.encode(docString);
  }

  private residual(x: Feature, prefix: string): Feature {
    const a = this.convLayer(x, `${prefix}/conv1`, 1, 'same', true);
    const b = this.convLayer(a, `${prefix}/conv2`, 1, 'same', false);
    return { ...b, name: this.graph.op('Relu', [this.graph.op('Add', [b.name, x.name], `${prefix}/add`)], `${prefix}/relu`) };
  }

  /**
   * The shortcut is a 2×2 average pool with zero channels appended (the block doubles the
   * channels). Where the strided conv comes out one pixel smaller than the pool, face-api
   * appends a zero row and column to the conv branch; here that is an ONNX Pad.
   */
  private residualDown(x: Feature, prefix: string): Feature {
    const a = this.convLayer(x, `${prefix}/conv1`, 2, 'valid', true);
    let b = this.convLayer(a, `${prefix}/conv2`, 1, 'same', false);
    const pooledSize = Math.floor(x.size / 2);
    let shortcut = this.graph.op('AveragePool', [x.name], `${prefix}/avgpool`, { kernel_shape: { ints: [2, 2] }, strides: { ints: [2, 2] } });
    if (b.size !== pooledSize) {
      const grow = pooledSize - b.size;
      if (grow !== 1) throw new Error(`${prefix}: branch sizes ${b.size} and ${pooledSize} differ by more than face-api pads`);
      b = { ...b, name: this.pad(b.name, [0, 0, 0, 0, 0, 0, 1, 1], `${prefix}/pad_hw`), size: pooledSize };
    }
    if (b.channels !== x.channels) {
      shortcut = this.pad(shortcut, [0, 0, 0, 0, 0, b.channels - x.channels, 0, 0], `${prefix}/pad_c`);
    }
    return { ...b, name: this.graph.op('Relu', [this.graph.op('Add', [shortcut, b.name], `${prefix}/add`)], `${prefix}/relu`) };
  }

  /** face-api's convLayer: conv + bias, then the per-channel scale layer (x·w + b), then ReLU. */
  private convLayer(x: Feature, prefix: string, stride: number, padding: 'same' | 'valid', relu: boolean): Feature {
    const filters = this.weights.weight(`${prefix}/conv/filters`);
    const [kh = 0, kw = 0, , outChannels = 0] = filters.shape;
    // tfjs filters are [KH, KW, I, O]; ONNX wants [O, I, KH, KW].
    const w = this.weights.dequantised(`${prefix}/conv/filters`, [3, 2, 0, 1]);
    const bias = this.weights.dequantised(`${prefix}/conv/bias`, [0]);
    // 'same' here only ever meets odd kernels at stride 1, where TF pads symmetrically.
    const pad = padding === 'same' ? (kh - 1) / 2 : 0;
    const conv = this.graph.op('Conv', [x.name, w, bias], `${prefix}/conv`, {
      kernel_shape: { ints: [kh, kw] },
      strides: { ints: [stride, stride] },
      pads: { ints: [pad, pad, pad, pad] },
    });
    const scaled = this.graph.op(
      'Add',
      [this.graph.op('Mul', [conv, this.weights.dequantised(`${prefix}/scale/weights`, [0], [outChannels, 1, 1])], `${prefix}/scale`), this.weights.dequantised(`${prefix}/scale/biases`, [0], [outChannels, 1, 1])],
      `${prefix}/shift`,
    );
    const size = padding === 'same' ? x.size : Math.floor((x.size - kh) / stride) + 1;
    return { name: relu ? this.graph.op('Relu', [scaled], `${prefix}/relu`) : scaled, channels: outChannels, size };
  }

  private pad(name: string, pads: readonly number[], hint: string): string {
    return this.graph.op('Pad', [name, this.graph.int64Constant(`${hint}/pads`, pads)], hint);
  }
}
