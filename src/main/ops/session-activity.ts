/**
 * KioskActivity over the reception session: idle means the standby screen, nothing else. The
 * scheduler and the reader healer act only then, so a restart never cuts into a patient.
 */
import type { KioskActivity } from './kiosk-activity.js';

export interface ScreenSource {
  current(): { readonly screen: string };
  subscribe(listener: (snapshot: { readonly screen: string }) => void): () => void;
}

export function sessionActivity(session: ScreenSource): KioskActivity & { close(): void } {
  const listeners = new Set<() => void>();
  let wasIdle = session.current().screen === 'standby';
  const unsubscribe = session.subscribe((snapshot) => {
    const idle = snapshot.screen === 'standby';
    // Only the return to standby counts: snapshots at standby (a language change) are not news.
    if (idle && !wasIdle) for (const l of [...listeners]) l();
    wasIdle = idle;
  });
  return {
    isIdle: () => session.current().screen === 'standby',
    onIdle(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: unsubscribe,
  };
}
