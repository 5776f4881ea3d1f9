/**
 * `npm run build:models [-- --update-hashes]`: builds models/build/ from models/manifest.json
 * (see build-models.ts). scripts/setup.sh runs it after npm install.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModels } from './build-models.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

try {
  const outcomes = buildModels({
    repoRoot,
    updateHashes: process.argv.includes('--update-hashes'),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const built = [...outcomes.values()].filter((o) => o === 'built').length;
  process.stdout.write(`build:models: ${outcomes.size} models ready in models/build/ (${built} built, ${outcomes.size - built} up to date)\n`);
} catch (error) {
  process.stderr.write(`build:models failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
