/**
 * The renderer's only state: the latest session snapshot from main. Screens read it; they never
 * change it. Patient actions go to main as intents and come back as a new snapshot.
 */
import { create } from 'zustand';
import type { SessionSnapshot } from '../../shared/snapshot.js';

interface SessionView {
  snapshot: SessionSnapshot | undefined;
  show(snapshot: SessionSnapshot): void;
}

export const useSession = create<SessionView>((set) => ({
  snapshot: undefined,
  show: (snapshot) => set({ snapshot }),
}));
