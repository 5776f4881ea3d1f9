import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for both ways of running the kiosk: Electron (main/index + preload) and the browser
// host (main/browser-host), which share everything under src/main and serve the same renderer.
export default defineConfig({
  main: {
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
