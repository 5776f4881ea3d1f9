/**
 * Electron preload (sandboxed, context-isolated): exposes exactly the KioskApi of
 * src/shared/channels.ts as window.kiosk, and nothing of ipcRenderer itself. Snapshots from main
 * are validated here too, so a renderer bug can never be fed a malformed picture.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, intentReplySchema, type IntentReply, type KioskApi } from '../shared/channels.js';
import { sessionSnapshotSchema, type SessionSnapshot } from '../shared/snapshot.js';
import { ERROR_CODES } from '../shared/errors.js';
import type { Intent } from '../shared/intents.js';
import { encodeFrame, type WireFrame } from '../shared/camera-frame.js';
import { adminReplySchema, type AdminReply, type AdminRequest } from '../shared/admin.js';

const FAILED_ERROR = { code: ERROR_CODES.IPC_DISCONNECTED, message: '本体との通信に失敗しました / IPC failed' };
const FAILED: IntentReply = { ok: false, error: FAILED_ERROR };
const ADMIN_FAILED: AdminReply = { ok: false, error: FAILED_ERROR };

const api: KioskApi = {
  onSnapshot(listener: (snapshot: SessionSnapshot) => void) {
    const handler = (_event: IpcRendererEvent, raw: unknown) => {
      const parsed = sessionSnapshotSchema.safeParse(raw);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(IPC_CHANNELS.snapshot, handler);
    void ipcRenderer.invoke(IPC_CHANNELS.current).then((raw: unknown) => handler({} as IpcRendererEvent, raw));
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.snapshot, handler);
    };
  },
  async send(intent: Intent) {
    try {
      const parsed = intentReplySchema.safeParse(await ipcRenderer.invoke(IPC_CHANNELS.intent, intent));
      return parsed.success ? parsed.data : FAILED;
    } catch {
      return FAILED;
    }
  },
  sendFrame(frame: WireFrame) {
    // One binary message, the same encoding as the browser host's socket; main validates it.
    ipcRenderer.send(IPC_CHANNELS.frame, encodeFrame(frame));
  },
  async admin(request: AdminRequest) {
    try {
      const parsed = adminReplySchema.safeParse(await ipcRenderer.invoke(IPC_CHANNELS.admin, request));
      return parsed.success ? parsed.data : ADMIN_FAILED;
    } catch {
      return ADMIN_FAILED;
    }
  },
};

contextBridge.exposeInMainWorld('kiosk', api);
