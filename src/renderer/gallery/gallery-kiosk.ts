/**
 * A local KioskApi for the screen gallery (#gallery in the URL): shows the fixture named in the
 * hash (#gallery/<id>) instead of talking to main, so reviewers and tests can see every screen in
 * every language without a card. It has no socket and no token, so nothing done here can reach a
 * real session. Language, text size and the PIN dots respond as main would, so the settings bar
 * and the pad can be tried; every intent is kept in `sent` for tests to read.
 */
import type { IntentReply, KioskApi } from '../../shared/channels.js';
import type { Intent } from '../../shared/intents.js';
import type { Language } from '../../shared/languages.js';
import type { SessionSnapshot } from '../../shared/snapshot.js';
import { GALLERY_FIXTURES, type GalleryFixture } from './fixtures.js';

export interface GalleryControls {
  /** Every intent the screens sent, oldest first. */
  readonly sent: Intent[];
  readonly ids: readonly string[];
}

const PREFIX = '#gallery';
const OK: IntentReply = { ok: true };

/** The gallery only ever replaces the bridge for a page opened as #gallery without a launch token. */
export function isGalleryRequest(location: Pick<Location, 'hash'>): boolean {
  const hash = location.hash;
  return (hash === PREFIX || hash.startsWith(`${PREFIX}/`)) && !hash.includes('token');
}

export function createGalleryKiosk(window: Window): KioskApi & GalleryControls {
  const listeners = new Set<(snapshot: SessionSnapshot) => void>();
  const sent: Intent[] = [];
  let seq = 0;
  let language: Language = 'ja';
  let largeText = false;
  let fixture = fixtureFromHash(window.location.hash);
  let digitsEntered = startingDigits(fixture);

  const current = (): SessionSnapshot => {
    const base = { ...fixture.snapshot, seq, language, largeText };
    return base.screen === 'pin-entry' ? { ...base, digitsEntered } : base;
  };
  const emit = () => {
    seq += 1;
    const snapshot = current();
    for (const listener of listeners) listener(snapshot);
  };
  const showFixture = (next: GalleryFixture) => {
    fixture = next;
    digitsEntered = startingDigits(next);
    emit();
  };

  window.addEventListener('hashchange', () => showFixture(fixtureFromHash(window.location.hash)));
  // Arrow keys step through the gallery for a reviewer at a keyboard.
  window.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const index = GALLERY_FIXTURES.indexOf(fixture);
    const next = GALLERY_FIXTURES[(index + step + GALLERY_FIXTURES.length) % GALLERY_FIXTURES.length];
    if (next) window.location.hash = `${PREFIX}/${next.id}`;
  });

  return {
    sent,
    ids: GALLERY_FIXTURES.map((f) => f.id),
    onSnapshot(listener) {
      listeners.add(listener);
      listener(current());
      return () => listeners.delete(listener);
    },
    send(intent) {
      sent.push(intent);
      if (intent.type === 'set-language') language = intent.language;
      else if (intent.type === 'set-large-text') largeText = intent.on;
      else if (intent.type === 'pin-digit') digitsEntered = Math.min(4, digitsEntered + 1);
      else if (intent.type === 'pin-delete') digitsEntered = Math.max(0, digitsEntered - 1);
      else return Promise.resolve(OK);
      emit();
      return Promise.resolve(OK);
    },
    // The gallery has no main process and no matcher: frames from a face screen go nowhere.
    sendFrame() {},
  };
}

function fixtureFromHash(hash: string): GalleryFixture {
  const id = hash.slice(PREFIX.length + 1);
  const first = GALLERY_FIXTURES[0];
  if (!first) throw new Error('the gallery has no fixtures');
  return GALLERY_FIXTURES.find((f) => f.id === id) ?? first;
}

function startingDigits(fixture: GalleryFixture): number {
  return fixture.snapshot.screen === 'pin-entry' ? fixture.snapshot.digitsEntered : 0;
}
