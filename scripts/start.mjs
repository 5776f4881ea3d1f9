#!/usr/bin/env node
// `npm start`: build if the sources changed, then run the kiosk in Electron where its binary is
// installed, otherwise in the browser host with the system's Chromium. Extra arguments are passed
// on (e.g. `npm start -- --open app`, `--no-open`, `--port 8080`, `--no-demo`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined; // the package is installed without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD)
  }
}

const built = join(root, 'out/main/browser-host.js');
if (!existsSync(built) || newestMtime(join(root, 'src')) > statSync(built).mtimeMs) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const electron = electronBinary();
const [command, commandArgs] = electron ? [electron, [root, ...args]] : [process.execPath, [built, ...args]];
if (!electron) console.log('No Electron binary here: starting the browser host with the system Chromium.');
// The browser host exits with 75 (src/main/ops/relaunch.ts) when the nightly restart says
// "relaunch the kiosk": start it again. Any other exit ends npm start with the same code.
const RELAUNCH_EXIT_CODE = 75;
let child;
function run() {
  child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => {
    if (code === RELAUNCH_EXIT_CODE) {
      console.log('Relaunching the kiosk (scheduled restart).');
      run();
    } else process.exit(code ?? 0);
  });
}
run();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
