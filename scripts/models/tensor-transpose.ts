/** Transposes a dense row-major tensor: out.shape[i] = shape[perm[i]]. Used on constant weights. */
export function transposeData<T extends Float32Array | Int32Array | Uint8Array>(values: T, shape: readonly number[], perm: readonly number[]): T {
  const rank = shape.length;
  if (perm.length !== rank) throw new Error(`perm ${perm.join(',')} does not fit shape ${shape.join('x')}`);
  const outShape = perm.map((axis) => dim(shape, axis));
  const inStrides = stridesOf(shape);
  const out = new (values.constructor as new (length: number) => T)(values.length);
  const index = new Array<number>(rank).fill(0);
  for (let flat = 0; flat < values.length; flat++) {
    let source = 0;
    for (let i = 0; i < rank; i++) source += (index[i] ?? 0) * dim(inStrides, perm[i] ?? 0);
    out[flat] = values[source] ?? 0;
    for (let i = rank - 1; i >= 0; i--) {
      index[i] = (index[i] ?? 0) + 1;
      if ((index[i] ?? 0) < dim(outShape, i)) break;
      index[i] = 0;
    }
  }
  return out;
}

function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = dim(strides, i + 1) * dim(shape, i + 1);
  return strides;
}

function dim(shape: readonly number[], axis: number): number {
  const value = shape[axis];
  if (value === undefined) throw new Error(`axis ${axis} outside shape of rank ${shape.length}`);
  return value;
}
