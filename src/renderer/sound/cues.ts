/**
 * Which sound, if any, a change of screen deserves. Pure, so the rule is testable: a cue marks an
 * event the patient should notice (the card was found, all done, something needs staff), never a
 * language switch or a repeated snapshot of the same screen.
 */
import type { SessionSnapshot } from '../../shared/snapshot.js';
import { endedWell } from '../state/ended-well.js';

export type Cue =
  | { kind: 'card-detected' }
  | { kind: 'success' }
  | { kind: 'attention' }
  /** "Take your card", a little louder at each level (never more than the strongest). */
  | { kind: 'reminder'; level: number };

export function cueFor(previous: SessionSnapshot | undefined, next: SessionSnapshot): Cue | null {
  if (previous && previous.seq >= next.seq) return null;
  const entered = previous?.screen !== next.screen;
  switch (next.screen) {
    case 'reading':
      return entered ? { kind: 'card-detected' } : null;
    case 'done': {
      if (entered) return endedWell(next) ? { kind: 'success' } : { kind: 'attention' };
      return reminderRaised(previous, next.reminderLevel);
    }
    case 'card-unusable':
      return entered ? { kind: 'attention' } : reminderRaised(previous, next.reminderLevel);
    case 'error':
    case 'staff-needed':
      return entered ? { kind: 'attention' } : null;
    default:
      return null;
  }
}

function reminderRaised(previous: SessionSnapshot | undefined, level: number): Cue | null {
  const before = previous && 'reminderLevel' in previous ? previous.reminderLevel : 0;
  return level > before ? { kind: 'reminder', level } : null;
}
