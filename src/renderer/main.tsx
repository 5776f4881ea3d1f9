import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import './styles.css';
import { App } from './App.js';
import { createSocketBridge } from './bridge/socket-bridge.js';
import { useSession } from './state/session-store.js';
import { createGalleryKiosk, isGalleryRequest } from './gallery/gallery-kiosk.js';

// The screen gallery (#gallery, no launch token) shows fixtures locally and never opens a socket,
// so it cannot touch a real session; it never replaces a bridge the preload already installed.
if (!window.kiosk && isGalleryRequest(window.location)) {
  const gallery = createGalleryKiosk(window);
  window.kiosk = gallery;
  window.kioskGallery = gallery;
}

// Under Electron the preload has installed window.kiosk; under the browser host we install the
// socket bridge here. Everything after this line sees the same KioskApi either way.
window.kiosk ??= createSocketBridge(window.location, window.history, window.sessionStorage);
window.kiosk.onSnapshot((snapshot) => useSession.getState().show(snapshot));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
