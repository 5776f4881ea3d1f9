/** Paths of the pinned model inputs and the manifest, shared by the model tests. */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest, type ModelEntry, type ModelId } from '../../../scripts/models/manifest.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function manifestEntry(id: ModelId): ModelEntry {
  const entry = readManifest(join(repoRoot, 'models', 'manifest.json')).models.find((m) => m.id === id);
  if (entry === undefined) throw new Error(`models/manifest.json has no ${id}`);
  return entry;
}

/** Input files of a model that comes from an npm dependency (main input first). */
export function dependencyInputs(entry: ModelEntry): string[] {
  const root = dirname(createRequire(import.meta.url).resolve(`${entry.source.package}/package.json`));
  return [entry.source.path, ...(entry.source.extraPaths ?? [])].map((p) => join(root, p));
}
