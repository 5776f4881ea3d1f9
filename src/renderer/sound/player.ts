/**
 * Plays tone data through Web Audio. The kiosk shell must allow audio without a user gesture
 * (Electron `autoplayPolicy: 'no-user-gesture-required'`, Chromium
 * `--autoplay-policy=no-user-gesture-required`): the card-detected beep comes before any touch.
 * Where audio is unavailable the kiosk simply stays silent; sound is never the only signal.
 */
import type { Note } from './tones.js';

/** Fade in and out so notes start and end without a click. */
const RAMP_S = 0.015;

let context: AudioContext | undefined;

export function playNotes(notes: readonly Note[]): void {
  if (typeof AudioContext === 'undefined') return;
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime + 0.02;
    for (const note of notes) {
      const at = start + note.startMs / 1000;
      const end = at + note.durationMs / 1000;
      const oscillator = context.createOscillator();
      const envelope = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      envelope.gain.setValueAtTime(0, at);
      envelope.gain.linearRampToValueAtTime(note.gain, at + RAMP_S);
      envelope.gain.setValueAtTime(note.gain, end - RAMP_S);
      envelope.gain.linearRampToValueAtTime(0, end);
      oscillator.connect(envelope).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(end);
    }
  } catch {
    // No audio device or a blocked context: the screens carry every message anyway.
  }
}
