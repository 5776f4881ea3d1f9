/**
 * Starts the face worker from source (.ts, under tsx in development and tests) or from the
 * built bundle: electron.vite.config.ts emits `face-worker.js` as its own entry in out/main/,
 * while this launcher may sit in out/main/ or in a shared chunk under out/main/chunks/. Kept
 * apart so the bundler-specific part is one place.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export function launchFaceWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    // Node cannot load TypeScript in a worker by itself: register tsx inside the worker first.
    const target = new URL('./face-worker.ts', self).href;
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(boot, { eval: true });
  }
  const bundled = [new URL('./face-worker.js', self), new URL('../face-worker.js', self)].find((url) => existsSync(fileURLToPath(url)));
  if (!bundled) throw new Error(`face-worker.js is not next to ${self}: rebuild with npm run build`);
  return new Worker(bundled);
}
