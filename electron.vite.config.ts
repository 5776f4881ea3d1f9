import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * electron-vite adds a CommonJS shim (`const require = createRequire(import.meta.url)`) to every
 * ES chunk that calls `require(`. The chunk holding src/main/face/jp2-decode.ts (shared by the
 * face worker and the 目視 photo) declares the very same `require` itself, so it would not even
 * parse ("Identifier 'require' has already been declared"). Both bind createRequire(import.meta.url) of the same
 * file: dropping the module's own copy keeps the behaviour. Not needed once jp2-decode.ts names
 * its require differently.
 */
function oneCommonJsRequire(): Plugin {
  const shim = /const require = __shims_module__\.createRequire\(import\.meta\.url\);/;
  const own = /^var require = createRequire\(import\.meta\.url\);$/m;
  return {
    name: 'kiosk:one-commonjs-require',
    apply: 'build',
    enforce: 'post',
    renderChunk: (code) => (shim.test(code) && own.test(code) ? code.replace(own, '// (require: the CommonJS shim above)') : null),
  };
}

// One build for both ways of running the kiosk: Electron (main/index + preload) and the browser
// host (main/browser-host), which share everything under src/main and serve the same renderer.
export default defineConfig({
  main: {
    plugins: [oneCommonJsRequire()],
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'browser-host': resolve('src/main/browser-host.ts'),
          // Face matching runs in a worker thread started from this file (src/main/face/worker-launch.ts).
          'face-worker': resolve('src/main/face/face-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only be CommonJS and can only require 'electron': bundle zod in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
