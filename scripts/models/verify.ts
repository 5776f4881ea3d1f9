/**
 * `npm run verify:models [-- --faces <dir>]`: measures how closely each built model reproduces
 * its reference (TFLite WASM interpreter for converted models, face-api on tfjs WASM for the
 * rebuilt ones) on face crops from face-api's demo photos and, when present, on a directory of
 * labelled face crops laid out as <dir>/<person>/<image> (default ../shared/data/faces/dev).
 * The model tests assert the same bound on fewer crops; this is the fuller development check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest, type ModelEntry } from './manifest.js';
import type { Agreement } from './verify/agreement.js';
import { compareFaceApiLandmarksWithOnnx } from './verify/faceapi-landmarks-vs-onnx.js';
import { compareFaceApiWithOnnx } from './verify/faceapi-vs-onnx.js';
import { demoFaceCrops, devFaceCrops, type FaceCrop } from './verify/face-crops.js';
import { compareTfliteWithOnnx } from './verify/tflite-vs-onnx.js';
import { packageRoot } from './package-files.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOLERANCE = 1e-4;

interface Check {
  readonly size: number;
  /** The antispoof reference is slow (seconds per image), so it sees fewer crops. */
  readonly limit: number;
  readonly run: (entry: ModelEntry, crops: readonly FaceCrop[]) => Promise<Agreement>;
}

const tfliteCheck =
  (preprocess: (p: number) => number) =>
  async (entry: ModelEntry, crops: readonly FaceCrop[]): Promise<Agreement> => {
    const tflite = readFileSync(join(packageRoot(repoRoot, entry.source, log), entry.source.path));
    const onnx = readFileSync(join(repoRoot, 'models', entry.file));
    return compareTfliteWithOnnx(tflite, onnx, crops.map((c) => c.rgb.map(preprocess)));
  };

const CHECKS: Partial<Record<ModelEntry['id'], Check>> = {
  mobilefacenet: { size: 112, limit: Infinity, run: tfliteCheck((p) => (p - 127.5) / 128) },
  antispoof: { size: 256, limit: 4, run: tfliteCheck((p) => p / 255) },
  'faceapi-resnet': {
    size: 150,
    limit: Infinity,
    run: (entry, crops) => compareFaceApiWithOnnx(readFileSync(join(repoRoot, 'models', entry.file)), crops.map((c) => c.rgb)),
  },
  'faceapi-landmark68': {
    size: 112,
    limit: Infinity,
    run: (entry, crops) => compareFaceApiLandmarksWithOnnx(readFileSync(join(repoRoot, 'models', entry.file)), crops.map((c) => c.rgb)),
  },
};

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const facesDir = resolve(argument('--faces') ?? join(repoRoot, '..', 'shared', 'data', 'faces', 'dev'));
  const manifest = readManifest(join(repoRoot, 'models', 'manifest.json'));
  let worst = 0;
  for (const entry of manifest.models) {
    const check = CHECKS[entry.id];
    if (check === undefined) continue;
    if (!existsSync(join(repoRoot, 'models', entry.file))) throw new Error(`${entry.file} is missing: run npm run build:models first`);
    const sets: [string, FaceCrop[]][] = [['demo', demoFaceCrops(check.size)]];
    if (existsSync(facesDir)) sets.push([facesDir, devFaceCrops(facesDir, check.size)]);
    for (const [label, crops] of sets) {
      const agreement = await check.run(entry, crops.slice(0, check.limit));
      worst = Math.max(worst, agreement.maxAbsDiff);
      log(`verify-models: model=${entry.id} faces=${label} images=${agreement.images} max_abs_diff=${agreement.maxAbsDiff.toExponential(2)} max_abs_reference=${agreement.maxAbsReference.toFixed(3)}`);
    }
  }
  log(`verify-models: worst_max_abs_diff=${worst.toExponential(2)} tolerance=${TOLERANCE} ${worst <= TOLERANCE ? 'PASS' : 'FAIL'}`);
  if (worst > TOLERANCE) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`verify:models failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
