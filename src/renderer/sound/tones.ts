/**
 * The kiosk's sounds as plain data: sine notes synthesised at run time (own work, no recordings,
 * nothing to license). Pitches stay between 500 and 1,200 Hz because age-related hearing loss
 * takes the high frequencies first, and every envelope is soft so no cue startles.
 */
import type { Cue } from './cues.js';

export interface Note {
  /** Hz */
  frequency: number;
  startMs: number;
  durationMs: number;
  /** Peak loudness, 0–1 of full scale. */
  gain: number;
}

const BASE_GAIN = 0.25;
const MAX_REMINDER_LEVEL = 3;

export function notesFor(cue: Cue): Note[] {
  switch (cue.kind) {
    case 'card-detected':
      // One short "pi", as readers beep when the chip answers.
      return [{ frequency: 1000, startMs: 0, durationMs: 120, gain: BASE_GAIN }];
    case 'success':
      // Rising: "done".
      return [
        { frequency: 784, startMs: 0, durationMs: 160, gain: BASE_GAIN },
        { frequency: 1047, startMs: 180, durationMs: 260, gain: BASE_GAIN },
      ];
    case 'attention':
      // Falling and gentle: "please look", not "wrong".
      return [
        { frequency: 660, startMs: 0, durationMs: 220, gain: BASE_GAIN },
        { frequency: 523, startMs: 260, durationMs: 320, gain: BASE_GAIN },
      ];
    case 'reminder': {
      const level = Math.max(1, Math.min(cue.level, MAX_REMINDER_LEVEL));
      const gain = BASE_GAIN + 0.1 * (level - 1);
      // One more chime per level: louder by repetition more than by volume.
      return Array.from({ length: level + 1 }, (_, i) => ({ frequency: 880, startMs: i * 300, durationMs: 180, gain }));
    }
  }
}
