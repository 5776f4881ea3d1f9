/**
 * Face embedder (特徴量抽出) for any manifest model of role "embedder": its alignment, its
 * preprocessing (parsed from the manifest), its batch size (MobileFaceNet's graph is fixed at 2),
 * L2-normalised output, and the threshold the manifest calibrated for it.
 */
import type { AlignmentKind } from './align.js';
import { FACE_ERROR_CODES, faceError } from './error-codes.js';
import { pickModel, type LoadedManifest, type ModelEntry } from './manifest.js';
import { openModel, type ModelSession, type SessionOptions } from './onnx-session.js';
import { fillTensor, parsePreprocess, type Normalisation } from './preprocess.js';
import { l2Normalise } from './vector.js';
import type { FloatRgb } from './warp.js';

export interface Embedder {
  readonly id: string;
  readonly alignment: AlignmentKind;
  /** Cosine threshold from the manifest (never a library default). */
  readonly threshold: number;
  readonly thresholdEvidence: string;
  /** One unit-length embedding per crop. */
  embed(crops: readonly FloatRgb[]): Promise<Float32Array[]>;
  release(): Promise<void>;
}

export const DEFAULT_EMBEDDER_ID = 'mobilefacenet';

function alignmentFor(entry: ModelEntry): AlignmentKind {
  const side = entry.io.layout === 'NHWC' ? entry.io.inputShape[1] : entry.io.inputShape[2];
  if (side === 112) return 'arcface-112';
  if (side === 150) return 'faceapi-150';
  throw faceError(FACE_ERROR_CODES.MODEL_UNAVAILABLE, `顔認証モデル ${entry.id} の入力サイズに対応していません`, `No alignment for ${entry.id} input ${side}px`);
}

function requireCosineThreshold(entry: ModelEntry): { value: number; evidence: string } {
  if (entry.threshold?.metric !== 'cosine') {
    throw faceError(
      FACE_ERROR_CODES.MODEL_UNAVAILABLE,
      `顔認証モデル ${entry.id} に較正済みのしきい値がありません。顔認証は使えません`,
      `Model ${entry.id} has no calibrated cosine threshold in the manifest; refusing to guess one`,
    );
  }
  return entry.threshold;
}

export async function createEmbedder(manifest: LoadedManifest, id = DEFAULT_EMBEDDER_ID, options: SessionOptions = {}): Promise<Embedder> {
  const entry = pickModel(manifest, 'embedder', id);
  const threshold = requireCosineThreshold(entry);
  const alignment = alignmentFor(entry);
  const model = await openModel(manifest, entry, options);
  return new OnnxEmbedder(model, alignment, threshold);
}

class OnnxEmbedder implements Embedder {
  readonly id: string;
  readonly threshold: number;
  readonly thresholdEvidence: string;
  private readonly norm: Normalisation;
  private readonly batch: number;
  private readonly input: Float32Array;

  constructor(
    private readonly model: ModelSession,
    readonly alignment: AlignmentKind,
    threshold: { value: number; evidence: string },
  ) {
    this.id = model.entry.id;
    this.threshold = threshold.value;
    this.thresholdEvidence = threshold.evidence;
    this.norm = parsePreprocess(model.entry.io.preprocess);
    const shape = model.entry.io.inputShape;
    this.batch = shape[0]!;
    this.input = new Float32Array(shape.reduce((a, b) => a * b, 1));
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
      for (let i = 0; i < group.length; i++) embeddings.push(l2Normalise(output.slice(i * dim, (i + 1) * dim)));
    }
    return embeddings;
  }

  release(): Promise<void> {
    return this.model.release();
  }
}
