/**
 * The chip photo unlocked while the patient reads the method choice: 顔認証 (or 目視) then uses it
 * without a second unlock, it belongs to one insertion only, it is wiped when the patient takes
 * the PIN path or the visit ends, and an early failure reaches the face attempt exactly as a late
 * one would (photo-locked), without spending more 照合番号B tries.
 */
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors.js';
import type { InsertedCard } from '../../../src/main/core/card-port.js';
import { prefetchingChipPhotos } from '../../../src/main/core/chip-photo-prefetch.js';
import type { ChipPhotoSource } from '../../../src/main/core/chip-photo-source.js';
import { createFacePort } from '../../../src/main/core/face-port.js';
import { createLogger } from '../../../src/main/core/logger.js';
import type { FaceMatcher, FaceResult } from '../../../src/main/face/matcher.js';

const log = createLogger({ level: 'silent' });
const card = (): InsertedCard => ({ session: {}, certificate: {}, subjectKey: 'k' }) as unknown as InsertedCard;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A chip photo source that counts its unlocks and hands out a fresh photo for each. */
class CountingSource implements ChipPhotoSource {
  readonly given: Uint8Array[] = [];
  failWith?: Error;
  private waiting: (() => void)[] = [];
  held = false;
  async read(): Promise<Uint8Array> {
    if (this.failWith) throw this.failWith;
    const photo = new Uint8Array([7, 7, 7, this.given.length]);
    this.given.push(photo);
    if (!this.held) return photo;
    return new Promise((resolve) => this.waiting.push(() => resolve(photo)));
  }
  release() {
    for (const deliver of this.waiting.splice(0)) deliver();
  }
}

/** A matcher that takes the photo and decides at once. */
function matcher(outcome: FaceResult['outcome']): FaceMatcher & { photos: Uint8Array[] } {
  const photos: Uint8Array[] = [];
  return {
    embedderId: 'fake',
    photos,
    async startSession(jp2: Uint8Array) {
      photos.push(jp2.slice());
    },
    result: Promise.resolve({ outcome, threshold: 0.7, usableFrames: 5, framesSeen: 5 }),
    pushFrame() {},
    onProgress: () => () => undefined,
    cancel() {},
    async close() {},
  };
}

describe('chip photo prefetched at the method choice', () => {
  it('the face attempt uses the photo unlocked ahead of time, without unlocking again', async () => {
    const source = new CountingSource();
    const onReader = card();
    const chipPhotos = prefetchingChipPhotos(source, () => onReader);
    const faces = matcher('match');
    const { port } = createFacePort({ matcher: Promise.resolve(faces), chipPhotos, log });
    port.prefetchChipPhoto?.();
    port.prefetchChipPhoto?.(); // the same insertion: still one unlock
    await tick();
    expect(await port.match(() => undefined)).toBe('match');
    expect(source.given).toHaveLength(1);
    expect(faces.photos).toEqual([new Uint8Array([7, 7, 7, 0])]);
  });

  it('a face tap before the unlock finished waits for that same unlock', async () => {
    const source = new CountingSource();
    source.held = true;
    const onReader = card();
    const faces = matcher('match');
    const { port } = createFacePort({ matcher: Promise.resolve(faces), chipPhotos: prefetchingChipPhotos(source, () => onReader), log });
    port.prefetchChipPhoto?.();
    const outcome = port.match(() => undefined);
    await tick();
    source.release();
    expect(await outcome).toBe('match');
    expect(source.given).toHaveLength(1);
  });

  it('PIN chosen or visit over: the held photo is wiped and the next reader unlocks afresh', async () => {
    const source = new CountingSource();
    const onReader = card();
    const chipPhotos = prefetchingChipPhotos(source, () => onReader);
    chipPhotos.prefetch();
    await tick();
    chipPhotos.forget();
    await tick();
    expect([...source.given[0]!]).toEqual([0, 0, 0, 0]);
    const fresh = await chipPhotos.read();
    expect(source.given).toHaveLength(2);
    expect([...fresh]).toEqual([7, 7, 7, 1]);
  });

  it('forgotten while still unlocking: the photo is wiped the moment it arrives', async () => {
    const source = new CountingSource();
    source.held = true;
    const onReader = card();
    const chipPhotos = prefetchingChipPhotos(source, () => onReader);
    chipPhotos.prefetch();
    chipPhotos.forget();
    source.release();
    await tick();
    expect([...source.given[0]!]).toEqual([0, 0, 0, 0]);
  });

  it('never hands one insertion photo to the next card: it is wiped and the new card is unlocked', async () => {
    const source = new CountingSource();
    let onReader: InsertedCard | undefined = card();
    const chipPhotos = prefetchingChipPhotos(source, () => onReader);
    chipPhotos.prefetch();
    await tick();
    onReader = card(); // removed and another card read, with no forget in between
    const photo = await chipPhotos.read();
    expect([...photo]).toEqual([7, 7, 7, 1]);
    expect([...source.given[0]!]).toEqual([0, 0, 0, 0]);
  });

  it('no card on the reader: nothing is unlocked ahead of time', async () => {
    const source = new CountingSource();
    prefetchingChipPhotos(source, () => undefined).prefetch();
    await tick();
    expect(source.given).toHaveLength(0);
  });

  it.each(['E-CFS-004', 'E-CFS-005'])('an early %s ends the face attempt as photo-locked, as it would after the tap', async (code) => {
    const source = new CountingSource();
    source.failWith = new KioskError(code, 'x');
    const onReader = card();
    const { port } = createFacePort({ matcher: Promise.resolve(matcher('match')), chipPhotos: prefetchingChipPhotos(source, () => onReader), log });
    port.prefetchChipPhoto?.();
    await tick();
    expect(await port.match(() => undefined)).toBe('photo-locked');
  });
});

