import { useEffect, useRef } from 'react';
import type { SessionSnapshot } from '../../shared/snapshot.js';
import { cueFor } from './cues.js';
import { notesFor } from './tones.js';
import { playNotes } from './player.js';

/** Sounds the cue for each new snapshot (see cues.ts for which changes deserve one). */
export function useSoundCues(snapshot: SessionSnapshot | undefined): void {
  const previous = useRef<SessionSnapshot | undefined>(undefined);
  useEffect(() => {
    if (!snapshot) return;
    const cue = cueFor(previous.current, snapshot);
    previous.current = snapshot;
    if (cue) playNotes(notesFor(cue));
  }, [snapshot]);
}
