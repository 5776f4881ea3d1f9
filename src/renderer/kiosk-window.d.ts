import type { KioskApi } from '../shared/channels.js';

declare global {
  interface Window {
    /** Set by the Electron preload, or by the socket bridge under the browser host. */
    kiosk?: KioskApi;
  }
}
