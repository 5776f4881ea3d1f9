import type { KioskApi } from '../shared/channels.js';
import type { GalleryControls } from './gallery/gallery-kiosk.js';

declare global {
  interface Window {
    /** Set by the Electron preload, or by the socket bridge under the browser host. */
    kiosk?: KioskApi;
    /** Only in the screen gallery (#gallery): what the screens sent, for tests. */
    kioskGallery?: GalleryControls;
  }
}
