/** Sounds mark what the patient should notice, and nothing else; the reminder grows gently. */
import { describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '../../../src/shared/snapshot.js';
import { cueFor, type Cue } from '../../../src/renderer/sound/cues.js';
import { notesFor } from '../../../src/renderer/sound/tones.js';
import { GALLERY_FIXTURES } from '../../../src/renderer/gallery/fixtures.js';

function fixture(id: string, seq: number, changes: Partial<SessionSnapshot> = {}): SessionSnapshot {
  const found = GALLERY_FIXTURES.find((f) => f.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return { ...found.snapshot, ...changes, seq } as SessionSnapshot;
}

describe('which screen changes make a sound', () => {
  it('beeps once when the card is detected', () => {
    expect(cueFor(fixture('standby', 1), fixture('reading', 2))).toEqual({ kind: 'card-detected' });
    expect(cueFor(fixture('reading', 2), fixture('reading', 3, { language: 'en' }))).toBeNull();
  });

  it('sounds success for a valid check, and a gentle attention cue when staff will help', () => {
    expect(cueFor(fixture('working', 1), fixture('done', 2))).toEqual({ kind: 'success' });
    expect(cueFor(fixture('working', 1), fixture('done-not-found', 2))).toEqual({ kind: 'attention' });
    expect(cueFor(fixture('visual-check', 1), fixture('done-identity-not-confirmed', 2))).toEqual({ kind: 'attention' });
    expect(cueFor(fixture('pin-entry', 1), fixture('staff-needed', 2))).toEqual({ kind: 'attention' });
    expect(cueFor(fixture('reading', 1), fixture('error', 2))).toEqual({ kind: 'attention' });
  });

  it('reminds about the card only when main raises the reminder level', () => {
    const done = (seq: number, reminderLevel: number) => fixture('done', seq, { reminderLevel } as Partial<SessionSnapshot>);
    expect(cueFor(done(2, 0), done(3, 1))).toEqual({ kind: 'reminder', level: 1 });
    expect(cueFor(done(3, 1), done(4, 1))).toBeNull();
    expect(cueFor(done(4, 1), done(5, 0))).toBeNull();
    const unusable = (seq: number, reminderLevel: number) => fixture('card-unusable-expired', seq, { reminderLevel } as Partial<SessionSnapshot>);
    expect(cueFor(unusable(2, 1), unusable(3, 2))).toEqual({ kind: 'reminder', level: 2 });
  });

  it('stays silent for a stale or repeated snapshot and for ordinary steps', () => {
    expect(cueFor(fixture('standby', 5), fixture('reading', 5))).toBeNull();
    expect(cueFor(fixture('method-choice', 1), fixture('pin-entry', 2))).toBeNull();
    expect(cueFor(fixture('consent-choice', 1), fixture('consent-items', 2))).toBeNull();
  });
});

describe('tones', () => {
  const allCues: Cue[] = [
    { kind: 'card-detected' },
    { kind: 'success' },
    { kind: 'attention' },
    ...[1, 2, 3, 4, 10].map((level) => ({ kind: 'reminder' as const, level })),
  ];

  it('keep to pitches older ears hear well, at moderate loudness', () => {
    for (const cue of allCues) {
      for (const note of notesFor(cue)) {
        expect(note.frequency).toBeGreaterThanOrEqual(500);
        expect(note.frequency).toBeLessThanOrEqual(1200);
        expect(note.gain).toBeGreaterThan(0);
        expect(note.gain).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('make the card reminder more insistent with each level, up to a ceiling', () => {
    const count = (level: number) => notesFor({ kind: 'reminder', level }).length;
    expect(count(2)).toBeGreaterThan(count(1));
    expect(count(3)).toBeGreaterThan(count(2));
    expect(count(10)).toBe(count(3));
  });
});
