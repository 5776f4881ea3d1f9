/**
 * Builds an ONNX model (IR 8, default-domain opset 13) node by node and serialises it with the
 * field numbers of onnx/onnx.proto, written down below. Both model builders (the TFLite
 * converter and the face-api network rebuild) emit their graphs through this class, so there
 * is one place that knows the ONNX wire format.
 */
import { ProtoWriter } from './protobuf-writer.js';

/** onnx.proto field numbers (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto). */
const F = {
  model: { irVersion: 1, producerName: 2, producerVersion: 3, docString: 6, graph: 7, opsetImport: 8 },
  opset: { domain: 1, version: 2 },
  graph: { node: 1, name: 2, initializer: 5, input: 11, output: 12 },
  node: { input: 1, output: 2, name: 3, opType: 4, attribute: 5 },
  attribute: { name: 1, f: 2, i: 3, ints: 8, type: 20 },
  tensor: { dims: 1, dataType: 2, name: 8, rawData: 9 },
  valueInfo: { name: 1, type: 2 },
  type: { tensorType: 1 },
  tensorType: { elemType: 1, shape: 2 },
  shape: { dim: 1 },
  dimension: { value: 1, param: 2 },
} as const;

const AttributeType = { FLOAT: 1, INT: 2, INTS: 7 } as const;

/** onnx.TensorProto.DataType values used here. */
export const DataType = { FLOAT: 1, UINT8: 2, INT32: 6, INT64: 7, BOOL: 9 } as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

export type Attribute = { readonly int: number } | { readonly float: number } | { readonly ints: readonly number[] };
export type Dim = number | string;

const IR_VERSION = 8;
const OPSET = 13;

interface Node {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Readonly<Record<string, Attribute>>;
}

interface Initializer {
  readonly name: string;
  readonly dims: readonly number[];
  readonly dataType: DataType;
  readonly raw: Uint8Array;
}

interface ValueInfo {
  readonly name: string;
  readonly dataType: DataType;
  readonly dims: readonly Dim[];
}

export class OnnxGraph {
  private readonly nodes: Node[] = [];
  private readonly initializers: Initializer[] = [];
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private readonly usedNames = new Set<string>();

  constructor(private readonly name: string) {}

  /** A name not yet used in the graph, derived from `hint`. */
  fresh(hint: string): string {
    let candidate = hint;
    for (let n = 1; this.usedNames.has(candidate); n++) candidate = `${hint}_${n}`;
    this.usedNames.add(candidate);
    return candidate;
  }

  input(name: string, dataType: DataType, dims: readonly Dim[]): string {
    this.usedNames.add(name);
    this.inputs.push({ name, dataType, dims });
    return name;
  }

  output(name: string, dataType: DataType, dims: readonly Dim[]): void {
    this.outputs.push({ name, dataType, dims });
  }

  /** Adds a node with one output named from `hint`; returns that output's name. */
  op(opType: string, inputs: readonly string[], hint: string, attributes: Record<string, Attribute> = {}): string {
    const output = this.fresh(hint);
    this.nodes.push({ opType, inputs, outputs: [output], attributes });
    return output;
  }

  /** Adds a node whose output name is fixed (graph outputs). */
  opNamed(opType: string, inputs: readonly string[], output: string, attributes: Record<string, Attribute> = {}): string {
    this.usedNames.add(output);
    this.nodes.push({ opType, inputs, outputs: [output], attributes });
    return output;
  }

  floatConstant(hint: string, dims: readonly number[], values: Float32Array): string {
    return this.constant(hint, dims, DataType.FLOAT, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  int64Constant(hint: string, values: readonly number[]): string {
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    return this.constant(hint, [values.length], DataType.INT64, new Uint8Array(data.buffer));
  }

  /** A constant from raw little-endian bytes (already in ONNX layout). */
  constant(hint: string, dims: readonly number[], dataType: DataType, raw: Uint8Array): string {
    const name = this.fresh(hint);
    this.initializers.push({ name, dims, dataType, raw });
    return name;
  }

  encode(docString: string): Uint8Array {
    return new ProtoWriter()
      .varint(F.model.irVersion, IR_VERSION)
      .string(F.model.producerName, 'open-kao-kiosk scripts/models')
      .string(F.model.producerVersion, '1')
      .string(F.model.docString, docString)
      .message(F.model.opsetImport, (w) => w.string(F.opset.domain, '').varint(F.opset.version, OPSET))
      .message(F.model.graph, (graph) => this.encodeGraph(graph))
      .finish();
  }

  private encodeGraph(w: ProtoWriter): void {
    this.nodes.forEach((node, index) => w.message(F.graph.node, (n) => encodeNode(n, node, index)));
    w.string(F.graph.name, this.name);
    for (const init of this.initializers) {
      w.message(F.graph.initializer, (t) => {
        t.packedVarints(F.tensor.dims, init.dims).varint(F.tensor.dataType, init.dataType).string(F.tensor.name, init.name);
        t.bytes(F.tensor.rawData, init.raw);
      });
    }
    for (const value of this.inputs) w.message(F.graph.input, (v) => encodeValueInfo(v, value));
    for (const value of this.outputs) w.message(F.graph.output, (v) => encodeValueInfo(v, value));
  }
}

function encodeNode(w: ProtoWriter, node: Node, index: number): void {
  for (const input of node.inputs) w.string(F.node.input, input);
  for (const output of node.outputs) w.string(F.node.output, output);
  w.string(F.node.name, `${node.opType}_${index}`).string(F.node.opType, node.opType);
  for (const [name, value] of Object.entries(node.attributes)) {
    w.message(F.node.attribute, (a) => {
      a.string(F.attribute.name, name);
      if ('int' in value) a.varint(F.attribute.i, value.int).varint(F.attribute.type, AttributeType.INT);
      else if ('float' in value) a.float(F.attribute.f, value.float).varint(F.attribute.type, AttributeType.FLOAT);
      else a.packedVarints(F.attribute.ints, value.ints).varint(F.attribute.type, AttributeType.INTS);
    });
  }
}

function encodeValueInfo(w: ProtoWriter, value: ValueInfo): void {
  w.string(F.valueInfo.name, value.name);
  w.message(F.valueInfo.type, (type) =>
    type.message(F.type.tensorType, (tensor) => {
      tensor.varint(F.tensorType.elemType, value.dataType);
      tensor.message(F.tensorType.shape, (shape) => {
        for (const dim of value.dims) {
          shape.message(F.shape.dim, (d) => (typeof dim === 'number' ? d.varint(F.dimension.value, dim) : d.string(F.dimension.param, dim)));
        }
      });
    }),
  );
}
