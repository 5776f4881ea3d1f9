/**
 * Electron entry: the kiosk window, IPC wiring and app lifecycle, nothing else. Everything the
 * kiosk does lives in the core that the browser host runs too (src/main/core).
 */
import { app, BrowserWindow, ipcMain, session, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_CHANNELS } from '../shared/channels.js';
import { ERROR_CODES } from '../shared/errors.js';
import { contentSecurityPolicy } from './core/content-security-policy.js';
import { createLogger } from './core/logger.js';
import { startKiosk } from './core/compose.js';
import { loadConfig } from './core/config.js';
import { acceptFrameMessage } from './core/camera-frames.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const log = createLogger();

app.enableSandbox();

// No window, frame or webview may ever leave the bundled renderer.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(async () => {
  // Relaunch (nightly restart): Electron starts a fresh instance of itself, then this one exits.
  const kiosk = await startKiosk(loadConfig(process.env, process.argv.slice(2)), log, {
    relaunch: async () => {
      app.relaunch();
      app.exit(0);
    },
  });
  const { core } = kiosk;

  // Only the camera, and only for our own page; nothing else is ever granted.
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
    const video = 'mediaTypes' in details && details.mediaTypes?.every((t) => t === 'video');
    callback(permission === 'media' && video === true && contents.getURL().startsWith('file://'));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permission === 'media');
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
  });

  const window = new BrowserWindow({
    kiosk: !process.env.KIOSK_WINDOWED,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // The card-detected cue plays before the patient has touched the screen.
      autoplayPolicy: 'no-user-gesture-required',
    },
  });

  const fromKioskWindow = (event: IpcMainInvokeEvent | IpcMainEvent) => event.senderFrame?.url.startsWith('file://') === true && event.sender === window.webContents;
  ipcMain.handle(IPC_CHANNELS.current, (event) => (fromKioskWindow(event) ? core.current() : undefined));
  ipcMain.handle(IPC_CHANNELS.admin, (event, raw: unknown) => {
    if (!fromKioskWindow(event)) {
      log.warn({ code: ERROR_CODES.IPC_UNAUTHORISED }, 'admin request from a foreign frame refused');
      return { ok: false, error: { code: ERROR_CODES.IPC_UNAUTHORISED, message: '拒否しました / Refused' } };
    }
    return kiosk.admin.handle(raw, 'electron-ipc');
  });
  ipcMain.handle(IPC_CHANNELS.intent, (event, raw: unknown) => {
    if (!fromKioskWindow(event)) {
      log.warn({ code: ERROR_CODES.IPC_UNAUTHORISED }, 'intent from a foreign frame refused');
      return { ok: false, error: { code: ERROR_CODES.IPC_UNAUTHORISED, message: '拒否しました / Refused' } };
    }
    return core.handleIntent(raw, 'electron-ipc');
  });
  let badFrames = 0;
  ipcMain.on(IPC_CHANNELS.frame, (event, raw: unknown) => {
    if (!fromKioskWindow(event)) return;
    const verdict = raw instanceof Uint8Array ? acceptFrameMessage(raw, kiosk.frames) : undefined;
    if (verdict?.ok) return;
    // A broken renderer would send ten a second: log the first and then every hundredth.
    if (badFrames++ % 100 === 0) {
      log.warn({ code: verdict?.error.code ?? ERROR_CODES.IPC_INVALID_MESSAGE, reason: verdict?.reason ?? 'not bytes', count: badFrames }, 'rejected camera frame');
    }
  });
  const unsubscribe = core.subscribe((snapshot) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.snapshot, snapshot);
  });

  await window.loadFile(rendererIndex);
  app.on('window-all-closed', () => {
    unsubscribe();
    void kiosk.close().finally(() => app.quit());
  });
});
