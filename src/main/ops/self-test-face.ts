/**
 * The self-test's face step (セルフテスト：顔認証モデル): the real detector, landmarks and
 * embedder, loaded from the same manifest as the face worker, run on a photo an npm package
 * ships (face-api's demo sample), so IT staff learn the face model works without anyone standing
 * before the camera. The photo is a published demo picture, not a patient's; nothing is kept,
 * only whether a face was found and how long the model took.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { KioskError } from '../../shared/errors.js';
import { FacePipeline, type PipelineOptions } from '../face/face-pipeline.js';
import { decodeImageBytes } from '../face/image-file.js';
import { OPS_ERRORS } from './error-codes.js';

export interface FaceProbeResult {
  /** Detection, landmarks, alignment and embedding of the one image (model loading excluded). */
  readonly ms: number;
  readonly embeddingLength: number;
}

/** One face, frontal, well lit: found by every detector the manifest may name. */
const BUILT_IN_IMAGE = 'demo/sample1.jpg';

/** Where the built-in image is, or undefined when the package is not installed. */
export function builtInFaceImagePath(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), BUILT_IN_IMAGE);
  } catch {
    return undefined;
  }
}

const missing = (detail: string) => new KioskError(OPS_ERRORS.SELF_TEST_IMAGE_MISSING.code, `${OPS_ERRORS.SELF_TEST_IMAGE_MISSING.message} (${detail})`);

/**
 * Loads the pipeline, embeds the largest face of the image and releases the models again (a
 * self-test is rare; the face worker keeps its own copy). Rejects with E-OPS-022 (no image),
 * E-OPS-023 (no face found) or the face module's own code when the models do not load.
 */
export async function probeFaceModel(imagePath: string | undefined = builtInFaceImagePath(), options: PipelineOptions = {}): Promise<FaceProbeResult> {
  if (!imagePath) throw missing('@vladmandic/face-api is not installed');
  const bytes = await readFile(imagePath).catch(() => {
    throw missing(imagePath);
  });
  const image = await decodeImageBytes(bytes, imagePath);
  const pipeline = await FacePipeline.create(options);
  try {
    const started = performance.now();
    const embedding = await pipeline.embedStill(image);
    const ms = performance.now() - started;
    if (!embedding) throw new KioskError(OPS_ERRORS.SELF_TEST_NO_FACE.code, OPS_ERRORS.SELF_TEST_NO_FACE.message);
    return { ms, embeddingLength: embedding.length };
  } finally {
    await pipeline.release();
  }
}
