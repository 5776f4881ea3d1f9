/**
 * Face embedder (特徴量抽出) for any manifest model of role "embedder": its alignment, its
 * preprocessing (parsed from the manifest), its batch size, its comparison (cosine on
 * L2-normalised embeddings, or face-api's Euclidean distance) and the threshold the manifest
 * calibrated for it.
 */
import type { AlignmentKind } from './align.js';
import { FACE_ERROR_CODES, faceError } from './error-codes.js';
import { pickModel, type LoadedManifest, type ModelEntry } from './manifest.js';
import { openModel, type ModelSession, type SessionOptions } from './onnx-session.js';
import { fillTensor, parsePreprocess, type Normalisation } from './preprocess.js';
import { cosine, l2Normalise } from './vector.js';
import type { FloatRgb } from './warp.js';
import { inputBuffer, inputSide } from './input-tensor.js';

/** The manifest's calibrated operating point, as shipped. */
export interface ShippedThreshold {
  readonly metric: 'cosine' | 'euclidean';
  readonly value: number;
  readonly evidence: string;
}

export interface Embedder {
  readonly id: string;
  readonly alignment: AlignmentKind;
  readonly shipped: ShippedThreshold;
  /**
   * The shipped threshold on the `compare` scale (higher = more alike): the cosine itself, or the
   * negated Euclidean distance, so that one decision rule serves every model.
   */
  readonly threshold: number;
  /** One embedding per crop (L2-normalised for cosine models; raw where the model is compared by distance). */
  embed(crops: readonly FloatRgb[]): Promise<Float32Array[]>;
  /** Similarity on the `threshold` scale. */
  compare(a: Float32Array, b: Float32Array): number;
  release(): Promise<void>;
}

export const DEFAULT_EMBEDDER_ID = 'mobilefacenet';

function alignmentFor(entry: ModelEntry): AlignmentKind {
  const side = inputSide(entry.io);
  if (side === 112) return 'arcface-112';
  if (side === 150) return 'faceapi-150';
  throw faceError(FACE_ERROR_CODES.MODEL_UNAVAILABLE, `顔認証モデル ${entry.id} の入力サイズに対応していません`, `No alignment for ${entry.id} input ${side}px`);
}

function requireThreshold(entry: ModelEntry): ShippedThreshold {
  if (!entry.threshold) {
    throw faceError(
      FACE_ERROR_CODES.MODEL_UNAVAILABLE,
      `顔認証モデル ${entry.id} に較正済みのしきい値がありません。顔認証は使えません`,
      `Model ${entry.id} has no calibrated threshold in the manifest; refusing to guess one`,
    );
  }
  return entry.threshold;
}

function euclidean(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`embedding lengths differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}

export async function createEmbedder(manifest: LoadedManifest, id = DEFAULT_EMBEDDER_ID, options: SessionOptions = {}): Promise<Embedder> {
  const entry = pickModel(manifest, 'embedder', id);
  const threshold = requireThreshold(entry);
  const alignment = alignmentFor(entry);
  const model = await openModel(manifest, entry, options);
  return new OnnxEmbedder(model, alignment, threshold);
}

class OnnxEmbedder implements Embedder {
  readonly id: string;
  readonly threshold: number;
  private readonly norm: Normalisation;
  private readonly batch: number;
  private readonly input: Float32Array;

  constructor(
    private readonly model: ModelSession,
    readonly alignment: AlignmentKind,
    readonly shipped: ShippedThreshold,
  ) {
    this.id = model.entry.id;
    this.threshold = shipped.metric === 'cosine' ? shipped.value : -shipped.value;
    this.norm = parsePreprocess(model.entry.io.preprocess);
    this.batch = model.entry.io.inputShape[0]!;
    this.input = inputBuffer(model.entry.io);
  }

  async embed(crops: readonly FloatRgb[]): Promise<Float32Array[]> {
    const embeddings: Float32Array[] = [];
    for (let start = 0; start < crops.length; start += this.batch) {
      const group = crops.slice(start, start + this.batch);
      // A fixed-batch graph still runs full; unused slots repeat the first crop.
      for (let slot = 0; slot < this.batch; slot++) fillTensor(group[slot] ?? group[0]!, this.norm, this.model.entry.io.layout, this.input, slot);
      const outputs = Object.values(await this.model.run(this.input));
      const output = outputs[0]!;
      const dim = output.length / this.batch;
      for (let i = 0; i < group.length; i++) {
        const raw = output.slice(i * dim, (i + 1) * dim);
        // Distance thresholds were calibrated on raw descriptors (face-api's way); keep them raw.
        embeddings.push(this.shipped.metric === 'cosine' ? l2Normalise(raw) : raw);
      }
    }
    return embeddings;
  }

  compare(a: Float32Array, b: Float32Array): number {
    return this.shipped.metric === 'cosine' ? cosine(a, b) : -euclidean(a, b);
  }

  release(): Promise<void> {
    return this.model.release();
  }
}
