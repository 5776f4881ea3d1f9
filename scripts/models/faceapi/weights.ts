/**
 * Reads a tfjs weights manifest and its binary shard(s) (the format face-api ships its networks
 * in) into named tensors. Quantised tensors stay as their uint8 codes with the {scale, min}
 * that tfjs applies on load (value = q · scale + min), so the ONNX rebuild can keep them small.
 */
import { z } from 'zod';

const WeightSpec = z.object({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.literal('float32'),
  quantization: z.object({ dtype: z.literal('uint8'), scale: z.number(), min: z.number() }).optional(),
});
const WeightsManifest = z.array(z.object({ paths: z.array(z.string()).min(1), weights: z.array(WeightSpec) }));

export type NamedWeight =
  | { readonly name: string; readonly shape: readonly number[]; readonly kind: 'float32'; readonly values: Float32Array }
  | { readonly name: string; readonly shape: readonly number[]; readonly kind: 'uint8'; readonly codes: Uint8Array; readonly scale: number; readonly min: number };

/**
 * @param manifestJson the *-weights_manifest.json text
 * @param readShard returns the bytes of one shard named in the manifest's `paths`
 */
export function readTfjsWeights(manifestJson: string, readShard: (path: string) => Uint8Array): Map<string, NamedWeight> {
  const groups = WeightsManifest.parse(JSON.parse(manifestJson));
  const weights = new Map<string, NamedWeight>();
  for (const group of groups) {
    const shards = group.paths.map(readShard);
    const bytes = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const shard of shards) {
      bytes.set(shard, at);
      at += shard.length;
    }
    let offset = 0;
    for (const spec of group.weights) {
      const count = spec.shape.reduce((a, b) => a * b, 1);
      const byteLength = spec.quantization ? count : count * 4;
      if (offset + byteLength > bytes.length) throw new Error(`weights file too short for ${spec.name} (truncated?)`);
      const slice = bytes.slice(offset, offset + byteLength);
      offset += byteLength;
      weights.set(
        spec.name,
        spec.quantization
          ? { name: spec.name, shape: spec.shape, kind: 'uint8', codes: slice, scale: spec.quantization.scale, min: spec.quantization.min }
          : { name: spec.name, shape: spec.shape, kind: 'float32', values: new Float32Array(slice.buffer) },
      );
    }
    if (offset !== bytes.length) throw new Error(`weights file has ${bytes.length - offset} bytes the manifest does not describe`);
  }
  return weights;
}
