/**
 * Reads a TFLite model file (FlatBuffer, identifier "TFL3") into plain typed objects: the main
 * subgraph's tensors with their constant data, and its operators with builtin codes and raw
 * option tables (decoded per operator by the converter, which knows which options it needs).
 * Field slots follow tensorflow/lite/schema/schema.fbs.
 */
import { FlatBufferError, rootTable, type Table } from './flatbuffer.js';

/** TFLite TensorType values the supported models use. */
export const TensorType = { FLOAT32: 0, FLOAT16: 1, INT32: 2, UINT8: 3, INT64: 4, BOOL: 6 } as const;

export interface TfliteTensor {
  readonly index: number;
  readonly name: string;
  readonly shape: readonly number[];
  readonly type: number;
  /** Constant bytes (weights), or undefined for activations and graph inputs. */
  readonly data: Uint8Array | undefined;
}

export interface TfliteOperator {
  readonly builtinCode: number;
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  readonly options: Table | undefined;
}

export interface TfliteModel {
  readonly tensors: readonly TfliteTensor[];
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  readonly operators: readonly TfliteOperator[];
}

export function readTfliteModel(bytes: Uint8Array): TfliteModel {
  const model = rootTable(bytes, 'TFL3');
  const codes = model.tables(1).map(builtinCodeOf);
  const buffers = model.tables(4).map((buffer) => buffer.vectorBytes(0));
  const subgraphs = model.tables(2);
  const main = subgraphs[0];
  if (main === undefined) throw new FlatBufferError('model has no subgraph');

  const tensors = main.tables(0).map((tensor, index): TfliteTensor => {
    const data = buffers[tensor.uint32(2, 0)];
    return {
      index,
      name: tensor.string(3) ?? `tensor_${index}`,
      shape: tensor.int32s(0),
      type: tensor.int8(1, TensorType.FLOAT32),
      data: data !== undefined && data.length > 0 ? data : undefined,
    };
  });
  const operators = main.tables(3).map((op): TfliteOperator => {
    const builtinCode = codes[op.uint32(0, 0)];
    if (builtinCode === undefined) throw new FlatBufferError('operator refers to a missing operator code');
    return { builtinCode, inputs: op.int32s(1), outputs: op.int32s(2), options: op.table(4) };
  });
  return { tensors, inputs: main.int32s(1), outputs: main.int32s(2), operators };
}

/**
 * Schema v3a moved builtin codes above 127 to a 32-bit field; the old byte field holds a
 * placeholder (127) in that case, so take the larger of the two.
 */
function builtinCodeOf(code: Table): number {
  return Math.max(code.int8(0, 0), code.int32(3, 0));
}
