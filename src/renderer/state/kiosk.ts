import type { KioskApi } from '../../shared/channels.js';

/** The bridge to main. Either shell installs it before the app renders (see main.tsx). */
export function kiosk(): KioskApi {
  if (!window.kiosk) throw new Error('window.kiosk is not installed');
  return window.kiosk;
}
