import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildModels, ModelBuildError } from '../../../scripts/models/build-models.js';
import { sha256Hex } from '../../../scripts/models/hash.js';
import { manifestEntry, repoRoot } from './model-inputs.js';

// The set-up step runs the build on every install: it must do nothing when the models are
// already right, repair a damaged model, and refuse inputs that are not the pinned ones.
describe('build:models', () => {
  let root: string;
  const entry = manifestEntry('mobilefacenet');
  const quiet = { updateHashes: false, log: () => undefined };

  function writeManifest(models: unknown[]): void {
    writeFileSync(join(root, 'models', 'manifest.json'), JSON.stringify({ models }));
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'models-build-'));
    mkdirSync(join(root, 'models'));
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
    writeManifest([entry]);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds the pinned output, then leaves it alone on the next run', () => {
    expect(buildModels({ repoRoot: root, ...quiet }).get('mobilefacenet')).toBe('built');
    expect(sha256Hex(readFileSync(join(root, 'models', entry.file)))).toBe(entry.sha256.output);
    expect(buildModels({ repoRoot: root, ...quiet }).get('mobilefacenet')).toBe('up-to-date');
  });

  it('rebuilds a model file that was damaged on disk', () => {
    buildModels({ repoRoot: root, ...quiet });
    writeFileSync(join(root, 'models', entry.file), 'damaged');
    expect(buildModels({ repoRoot: root, ...quiet }).get('mobilefacenet')).toBe('built');
    expect(sha256Hex(readFileSync(join(root, 'models', entry.file)))).toBe(entry.sha256.output);
  });

  it('refuses an input whose hash is not the pinned one', () => {
    writeManifest([{ ...entry, sha256: { ...entry.sha256, input: '0'.repeat(64) } }]);
    expect(() => buildModels({ repoRoot: root, ...quiet })).toThrow(ModelBuildError);
  });

  it('refuses to ship an output that differs from the recorded one', () => {
    writeManifest([{ ...entry, sha256: { ...entry.sha256, output: 'f'.repeat(64) } }]);
    expect(() => buildModels({ repoRoot: root, ...quiet })).toThrow(/manifest expects/);
  });
});
