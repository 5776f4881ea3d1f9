/**
 * Renderer-local presentation choices that are not part of the session: the seated / wheelchair
 * layout (座ったままの操作) moves the primary controls low and adjusts the camera guidance. It is a
 * courtesy for this one patient, so it resets whenever the kiosk is back at standby (see
 * session-store.ts), and main never hears of it.
 */
import { create } from 'zustand';

interface LayoutView {
  seated: boolean;
  setSeated(on: boolean): void;
  reset(): void;
}

export const useLayout = create<LayoutView>((set) => ({
  seated: false,
  setSeated: (on) => set({ seated: on }),
  reset: () => set({ seated: false }),
}));
