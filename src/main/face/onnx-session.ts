/**
 * Opens one manifest model in onnxruntime-node after checking its bytes against the manifest's
 * sha256, and runs it with a guard: failures and non-finite outputs become E-FACE-004 instead of
 * NaN scores that could slip through a threshold comparison.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { FACE_ERROR_CODES, faceError } from './error-codes.js';
import { modelPath, type LoadedManifest, type ModelEntry } from './manifest.js';

export interface SessionOptions {
  /**
   * Intra-op threads (default 1). The kiosk has 2 cores and the main thread must stay
   * responsive; the face models are small enough that a second thread buys little even on an
   * idle machine, and on a loaded one the pool's waiting threads cost more than they give.
   */
  readonly threads?: number;
}

export interface ModelSession {
  readonly entry: ModelEntry;
  /** Runs with one float32 input; returns every output by name. */
  run(input: Float32Array): Promise<Record<string, Float32Array>>;
  release(): Promise<void>;
}

export async function openModel(manifest: LoadedManifest, entry: ModelEntry, options: SessionOptions = {}): Promise<ModelSession> {
  const file = modelPath(manifest, entry);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw faceError(FACE_ERROR_CODES.MODEL_UNAVAILABLE, `顔認証モデル ${entry.id} がありません。npm run build:models を実行してください`, `Model file ${file} missing. Run npm run build:models`, error);
  }
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== entry.sha256.output) {
    throw faceError(FACE_ERROR_CODES.MODEL_UNAVAILABLE, `顔認証モデル ${entry.id} が壊れています。npm run build:models を実行してください`, `Model ${entry.id} fails its sha256. Run npm run build:models`);
  }
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: options.threads ?? 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    // With more than one thread, ONNX Runtime's pool threads busy-wait between operators. On the
    // shared 2-core machine (load ~8) that tripled inference time (MobileFaceNet 17 ms → 5 ms
    // without spinning); blocking costs nothing measurable when the machine is idle.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
    // BlazeFace-back warns about unused initialisers on every load; warnings are not actionable.
    logSeverityLevel: 3,
  });
  const shape = entry.io.inputShape;
  const size = shape.reduce((a, b) => a * b, 1);
  return {
    entry,
    async run(input) {
      if (input.length !== size) throw new RangeError(`${entry.id}: input has ${input.length} values, expected ${size}`);
      let results: ort.InferenceSession.OnnxValueMapType;
      try {
        results = await session.run({ [entry.io.input]: new ort.Tensor('float32', input, shape) });
      } catch (error) {
        throw faceError(FACE_ERROR_CODES.INFERENCE_FAILED, '顔認証の計算に失敗しました。再起動しても続く場合は連絡してください', `Inference of ${entry.id} failed`, error);
      }
      const out: Record<string, Float32Array> = {};
      for (const [name, tensor] of Object.entries(results)) {
        const data = tensor.data as Float32Array;
        for (let i = 0; i < data.length; i++) {
          if (!Number.isFinite(data[i]!)) {
            throw faceError(FACE_ERROR_CODES.INFERENCE_FAILED, '顔認証の計算結果が不正です', `${entry.id} produced a non-finite value in ${name}`);
          }
        }
        out[name] = data;
      }
      return out;
    },
    release: () => session.release(),
  };
}
