/**
 * face-api's tfjs weights as ONNX graph values, shared by every face-api network the build
 * rebuilds (FaceRecognitionNet, FaceLandmark68Net). Keeps count of which weights were used, so a
 * rebuilt graph that silently skips a tensor fails the build instead of shipping.
 */
import { DataType, type OnnxGraph } from '../onnx/graph.js';
import { transposeData } from '../tensor-transpose.js';
import type { NamedWeight } from './weights.js';

export class GraphWeights {
  private readonly used = new Set<string>();

  constructor(
    private readonly graph: OnnxGraph,
    private readonly weights: ReadonlyMap<string, NamedWeight>,
    private readonly network: string,
  ) {}

  /**
   * A weight as a float32 graph value, transposed by `perm` and optionally reshaped (per-channel
   * vectors become [C,1,1] to broadcast over NCHW). uint8 codes index a 256-entry table holding
   * q · scale + min computed exactly as tfjs does on load (in double, stored as float32), so the
   * rebuilt weights are bit-identical to face-api's; Cast · scale + min in float32 would round
   * twice and drift by ~4e-6 in the output. onnxruntime folds the lookup at session creation.
   */
  dequantised(name: string, perm: readonly number[], reshapeTo?: readonly number[]): string {
    const weight = this.weight(name);
    const dims = reshapeTo ?? perm.map((axis) => weight.shape[axis] ?? 1);
    if (weight.kind === 'float32') return this.graph.floatConstant(name, dims, transposeData(weight.values, weight.shape, perm));
    const codes = this.graph.constant(`${name}/q`, dims, DataType.UINT8, transposeData(weight.codes, weight.shape, perm));
    const indices = this.graph.op('Cast', [codes], `${name}/index`, { to: { int: DataType.INT32 } });
    const table = this.graph.floatConstant(`${name}/table`, [256], Float32Array.from({ length: 256 }, (_, q) => q * weight.scale + weight.min));
    return this.graph.op('Gather', [table, indices], name, { axis: { int: 0 } });
  }

  /** The weight's tfjs shape, marking it used. */
  weight(name: string): NamedWeight {
    const weight = this.weights.get(name);
    if (weight === undefined) throw new Error(`${this.network} weights have no tensor ${name}`);
    this.used.add(name);
    return weight;
  }

  /** Every weight in the file must have found its place in the graph. */
  assertAllUsed(): void {
    const unused = [...this.weights.keys()].filter((name) => !this.used.has(name));
    if (unused.length > 0) throw new Error(`${this.network} weights not used by the rebuilt graph: ${unused.join(', ')}`);
  }
}
