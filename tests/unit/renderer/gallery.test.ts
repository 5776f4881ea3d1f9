/**
 * The screen gallery may only show what main could really send, must cover every screen, and
 * must never take over a page that carries a launch token.
 */
import { describe, expect, it } from 'vitest';
import { sessionSnapshotSchema, type SessionSnapshot } from '../../../src/shared/snapshot.js';
import { GALLERY_FIXTURES } from '../../../src/renderer/gallery/fixtures.js';
import { createGalleryKiosk, isGalleryRequest } from '../../../src/renderer/gallery/gallery-kiosk.js';

const contractScreens = sessionSnapshotSchema.options.map((variant) => variant.shape.screen.value);

describe('gallery fixtures', () => {
  it.each(GALLERY_FIXTURES.map((f) => [f.id, f.snapshot] as const))('%s is a valid session snapshot', (_id, snapshot) => {
    expect(sessionSnapshotSchema.safeParse(snapshot).error).toBeUndefined();
  });

  it('covers every screen of the contract, under unique ids', () => {
    expect(new Set(GALLERY_FIXTURES.map((f) => f.snapshot.screen))).toEqual(new Set(contractScreens));
    expect(new Set(GALLERY_FIXTURES.map((f) => f.id)).size).toBe(GALLERY_FIXTURES.length);
  });
});

describe('when the gallery replaces the bridge', () => {
  it.each([
    ['#gallery', true],
    ['#gallery/pin-entry', true],
    ['', false],
    ['#token=abc123', false],
    ['#gallery/standby&token=abc123', false],
    ['#galleryx', false],
  ])('hash %j → %s', (hash, expected) => {
    expect(isGalleryRequest({ hash })).toBe(expected);
  });
});

/** Just enough of a window for the gallery: a hash and event listeners. */
function fakeWindow(hash: string) {
  const listeners = new Map<string, (event: { key?: string }) => void>();
  const window = {
    location: { hash },
    addEventListener: (type: string, listener: (event: { key?: string }) => void) => listeners.set(type, listener),
  };
  return {
    window: window as unknown as Window,
    navigate(newHash: string) {
      window.location.hash = newHash;
      listeners.get('hashchange')?.({});
    },
  };
}

function latest(shown: SessionSnapshot[]): SessionSnapshot {
  const last = shown.at(-1);
  if (!last) throw new Error('nothing shown');
  return last;
}

describe('gallery kiosk', () => {
  it('shows the fixture named in the hash and follows hash changes', () => {
    const fake = fakeWindow('#gallery/consent-choice');
    const shown: SessionSnapshot[] = [];
    createGalleryKiosk(fake.window).onSnapshot((s) => shown.push(s));
    expect(latest(shown).screen).toBe('consent-choice');
    fake.navigate('#gallery/visual-check');
    expect(latest(shown).screen).toBe('visual-check');
    fake.navigate('#gallery/no-such-screen');
    expect(latest(shown).screen).toBe(GALLERY_FIXTURES[0]?.snapshot.screen);
  });

  it('answers language, text size and PIN keys as main would, with rising seq, and records every intent', async () => {
    const fake = fakeWindow('#gallery/pin-entry');
    const gallery = createGalleryKiosk(fake.window);
    const shown: SessionSnapshot[] = [];
    gallery.onSnapshot((s) => shown.push(s));
    await gallery.send({ type: 'set-language', language: 'vi' });
    await gallery.send({ type: 'set-large-text', on: true });
    await gallery.send({ type: 'pin-digit', digit: 7 });
    await gallery.send({ type: 'pin-digit', digit: 1 });
    await gallery.send({ type: 'pin-delete' });
    const now = latest(shown);
    expect(now).toMatchObject({ screen: 'pin-entry', language: 'vi', largeText: true, digitsEntered: 1 });
    expect(shown.map((s) => s.seq)).toEqual([...shown.map((s) => s.seq)].sort((a, b) => a - b));
    expect(new Set(shown.map((s) => s.seq)).size).toBe(shown.length);
    expect(gallery.sent.map((i) => i.type)).toEqual(['set-language', 'set-large-text', 'pin-digit', 'pin-digit', 'pin-delete']);
    // The language survives moving to another screen, as it does in a real session.
    fake.navigate('#gallery/done');
    expect(latest(shown)).toMatchObject({ screen: 'done', language: 'vi' });
  });
});
