/**
 * Reads models/manifest.json (written by scripts/models, the model build) — the one place that
 * says which ONNX file plays which role, its tensor layout, preprocessing and calibrated
 * threshold. The pipeline never hard-codes a threshold: it takes the manifest's, with its evidence.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FACE_ERROR_CODES, faceError } from './error-codes.js';

const modelEntrySchema = z.object({
  id: z.string(),
  role: z.enum(['detector', 'landmarks', 'embedder', 'liveness']),
  file: z.string(),
  licence: z.string(),
  sha256: z.object({ output: z.string() }),
  io: z.object({
    input: z.string(),
    inputShape: z.array(z.number().int().positive()),
    layout: z.enum(['NHWC', 'NCHW']),
    preprocess: z.string(),
    outputs: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().positive()) })),
  }),
  threshold: z.object({ metric: z.enum(['cosine', 'euclidean']), value: z.number(), evidence: z.string() }).nullable(),
});
const manifestSchema = z.object({ models: z.array(modelEntrySchema) });

export type ModelEntry = z.infer<typeof modelEntrySchema>;

export interface LoadedManifest {
  /** Absolute directory the `file` entries are relative to. */
  readonly dir: string;
  readonly models: readonly ModelEntry[];
}

function unavailable(en: string, cause?: unknown): never {
  throw faceError(
    FACE_ERROR_CODES.MODEL_UNAVAILABLE,
    '顔認証モデルを読み込めません。npm run build:models を実行してください（顔認証以外の方法は使えます）',
    `Face models unavailable (${en}). Run npm run build:models; PIN and visual check still work`,
    cause,
  );
}

export function loadManifest(manifestPath: string): LoadedManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    return unavailable(`cannot read ${manifestPath}`, error);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return unavailable(`malformed manifest ${manifestPath}`, parsed.error);
  return { dir: path.dirname(path.resolve(manifestPath)), models: parsed.data.models };
}

/** The entry with this id, or the first of the role when no id is given. */
export function pickModel(manifest: LoadedManifest, role: ModelEntry['role'], id?: string): ModelEntry {
  const entry = manifest.models.find((m) => m.role === role && (id === undefined || m.id === id));
  if (!entry) return unavailable(`no ${role}${id ? ` "${id}"` : ''} in manifest`);
  return entry;
}

export function modelPath(manifest: LoadedManifest, entry: ModelEntry): string {
  return path.join(manifest.dir, entry.file);
}

/** The default manifest location: models/manifest.json at the repository root. */
export function defaultManifestPath(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../models/manifest.json');
}
