/**
 * The renderer's only session state: the latest session snapshot from main. Screens read it; they
 * never change it. Patient actions go to main as intents and come back as a new snapshot.
 */
import { create } from 'zustand';
import type { SessionSnapshot } from '../../shared/snapshot.js';
import { useLayout } from './layout-store.js';

interface SessionView {
  snapshot: SessionSnapshot | undefined;
  show(snapshot: SessionSnapshot): void;
}

export const useSession = create<SessionView>((set) => ({
  snapshot: undefined,
  show: (snapshot) => {
    // The next patient starts from the standard layout, whatever the last one chose.
    if (snapshot.screen === 'standby') useLayout.getState().reset();
    set({ snapshot });
  },
}));
