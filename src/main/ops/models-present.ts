/**
 * The watchdog's "face models" check until the face port reports its own state: the manifest
 * parses and every model file it names is on disk (npm run build:models puts them there).
 */
import { existsSync } from 'node:fs';
import { defaultManifestPath, loadManifest, modelPath } from '../face/manifest.js';

export function faceModelsPresent(manifestPath: string = defaultManifestPath()): boolean {
  try {
    const manifest = loadManifest(manifestPath);
    return manifest.models.length > 0 && manifest.models.every((entry) => existsSync(modelPath(manifest, entry)));
  } catch {
    return false;
  }
}
