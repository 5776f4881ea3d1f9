/**
 * Starts the face worker from source (.ts, under tsx in development and tests) or from the
 * built bundle (.js next to this file). Kept apart so the bundler-specific part is one place.
 */
import { Worker } from 'node:worker_threads';

export function launchFaceWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    // Node cannot load TypeScript in a worker by itself: register tsx inside the worker first.
    const target = new URL('./face-worker.ts', self).href;
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL('./face-worker.js', self));
}
