/** Embedding maths: L2 normalisation and cosine similarity (類似度). */

/** Returns a unit-length copy; a zero or non-finite vector is rejected rather than divided by 0. */
export function l2Normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (!(norm > 1e-12) || !Number.isFinite(norm)) throw new RangeError('cannot normalise a zero or non-finite embedding');
  return v.map((x) => x / norm);
}

/** Cosine of two embeddings (equal to the dot product when both are unit length). */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`embedding lengths differ: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}
