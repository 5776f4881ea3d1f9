/**
 * The face port between the session and the matcher: frames reach the matcher only while an
 * attempt is matching, stop() ends an attempt even while the chip photo is still being read, an
 * unreadable card front becomes "photo-locked", and the card's 照合番号B tries are guarded per
 * insertion whoever asks (face or 目視).
 */
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors.js';
import { CardError } from '../../../src/main/card/card-error.js';
import type { InsertedCard } from '../../../src/main/core/card-port.js';
import { prefetchingChipPhotos, type PrefetchingChipPhotoSource } from '../../../src/main/core/chip-photo-prefetch.js';
import { createChipPhotoSource } from '../../../src/main/core/chip-photo-source.js';
import { createFacePort } from '../../../src/main/core/face-port.js';
import { createLogger } from '../../../src/main/core/logger.js';
import type { FaceMatcher, FaceProgress, FaceResult } from '../../../src/main/face/matcher.js';
import type { CameraFrame } from '../../../src/main/face/frame.js';
import type { ParsedCardFace } from '../../../src/main/cardface/card-face-fields.js';

const log = createLogger({ level: 'silent' });
const frame = (): CameraFrame => ({ format: 'I420', width: 64, height: 64, yStride: 64, uvStride: 32, data: new Uint8Array(64 * 64 * 1.5) });

class FakeMatcher implements FaceMatcher {
  readonly embedderId = 'fake';
  pushed = 0;
  photos: Uint8Array[] = [];
  private listeners = new Set<(p: FaceProgress) => void>();
  private settle?: (r: FaceResult) => void;
  result: Promise<FaceResult> = Promise.resolve({ outcome: 'cannot-judge', threshold: 0.7, usableFrames: 0, framesSeen: 0 });
  async startSession(jp2: Uint8Array) {
    this.photos.push(jp2);
    this.result = new Promise((resolve) => (this.settle = resolve));
  }
  pushFrame() {
    this.pushed++;
  }
  onProgress(listener: (p: FaceProgress) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  progress(p: FaceProgress) {
    for (const l of this.listeners) l(p);
  }
  decide(outcome: FaceResult['outcome']) {
    this.settle?.({ outcome, threshold: 0.7, usableFrames: 5, framesSeen: 5 });
  }
  cancel() {
    this.decide('cannot-judge');
  }
  async close() {}
}

/** No card on the reader, so nothing is prefetched: every read() asks `read`. */
function photos(read: () => Promise<Uint8Array>): PrefetchingChipPhotoSource {
  return prefetchingChipPhotos({ read }, () => undefined);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('face port', () => {
  it('hands frames to the matcher only while an attempt is matching, and speaks its hints', async () => {
    const matcher = new FakeMatcher();
    const { port, frames } = createFacePort({ matcher: Promise.resolve(matcher), chipPhotos: photos(async () => new Uint8Array([1, 2, 3])), log });
    expect(frames.wanted()).toBe(false);
    const hints: string[] = [];
    const outcome = port.match((hint) => hints.push(hint));
    await tick();
    expect(frames.wanted()).toBe(true);
    frames.push(frame());
    matcher.progress({ hints: ['too-close'], usableFrames: 0 });
    matcher.progress({ hints: [], score: 0.9, usableFrames: 1 });
    matcher.decide('match');
    expect(await outcome).toBe('match');
    expect(hints).toEqual(['too-close', 'hold-still']);
    expect(matcher.pushed).toBe(1);
    expect(frames.wanted()).toBe(false);
  });

  it('stop() while the chip photo is still being read: no session starts and the photo is wiped', async () => {
    const matcher = new FakeMatcher();
    let deliver!: (photo: Uint8Array) => void;
    const photo = new Uint8Array([9, 9, 9]);
    const { port, frames } = createFacePort({ matcher: Promise.resolve(matcher), chipPhotos: photos(() => new Promise((resolve) => (deliver = resolve))), log });
    const outcome = port.match(() => undefined);
    await tick();
    port.stop();
    deliver(photo);
    expect(await outcome).toBe('cannot-judge');
    expect(matcher.photos).toHaveLength(0);
    expect([...photo]).toEqual([0, 0, 0]);
    expect(frames.wanted()).toBe(false);
  });

  it('stop() during matching ends the attempt as cannot-judge and stops the frames', async () => {
    const matcher = new FakeMatcher();
    const { port, frames } = createFacePort({ matcher: Promise.resolve(matcher), chipPhotos: photos(async () => new Uint8Array([1])), log });
    const outcome = port.match(() => undefined);
    await tick();
    port.stop();
    expect(frames.wanted()).toBe(false);
    expect(await outcome).toBe('cannot-judge');
  });

  it.each(['E-CFS-004', 'E-CFS-005'])('a card front that does not unlock the photo (%s) is photo-locked', async (code) => {
    const { port } = createFacePort({ matcher: Promise.resolve(new FakeMatcher()), chipPhotos: photos(async () => Promise.reject(new KioskError(code, 'x'))), log });
    expect(await port.match(() => undefined)).toBe('photo-locked');
  });

  it('models that did not load fail the attempt with the unavailable code', async () => {
    const missing = Promise.reject(new KioskError('E-SYS-011', 'face is not connected'));
    missing.catch(() => undefined);
    const { port } = createFacePort({ matcher: missing, chipPhotos: photos(async () => new Uint8Array([1])), log });
    await expect(port.match(() => undefined)).rejects.toMatchObject({ code: 'E-SYS-011' });
  });
});

describe('chip photo source', () => {
  /** A card whose chip refuses every 照合番号B, as a misprinted or misread front would make it. */
  function refusingCard(presented: string[]): InsertedCard {
    const session = { readCardFace: async (b: string) => (presented.push(b), Promise.reject(new CardError('COLLATION_REJECTED'))) };
    return { session, certificate: {}, subjectKey: 'k' } as unknown as InsertedCard;
  }

  it('spends at most 2 wrong 照合番号B per insertion across face and 目視, and a new insertion starts fresh', async () => {
    let reading = 0;
    const reader = { read: async () => ({ ok: true as const, confidence: 1, fields: fieldsFor(reading++) }) };
    const presented: string[] = [];
    let card = refusingCard(presented);
    const source = createChipPhotoSource({ scanner: { capture: async () => ({ width: 1, height: 1, rgba: new Uint8Array(4) }) }, reader, currentCard: () => card, now: () => new Date('2026-06-01T00:00:00Z'), log });
    await expect(source.read()).rejects.toMatchObject({ code: 'E-CFS-005' });
    await expect(Promise.all([source.read(), source.read()])).rejects.toMatchObject({ code: 'E-CFS-005' });
    expect(presented).toHaveLength(2);
    card = refusingCard(presented);
    await expect(source.read()).rejects.toMatchObject({ code: 'E-CFS-005' });
    expect(presented).toHaveLength(4);
  });

  it('unlocking ahead of time at the method choice spends no extra try: prefetch, face and 目視 together present at most 2', async () => {
    let reading = 0;
    const reader = { read: async () => ({ ok: true as const, confidence: 1, fields: fieldsFor(reading++) }) };
    const presented: string[] = [];
    const card = refusingCard(presented);
    const source = createChipPhotoSource({ scanner: { capture: async () => ({ width: 1, height: 1, rgba: new Uint8Array(4) }) }, reader, currentCard: () => card, now: () => new Date('2026-06-01T00:00:00Z'), log });
    const { port } = createFacePort({ matcher: Promise.resolve(new FakeMatcher()), chipPhotos: prefetchingChipPhotos(source, () => card), log });
    port.prefetchChipPhoto?.();
    expect(await port.match(() => undefined)).toBe('photo-locked');
    await expect(port.staffPhoto()).rejects.toMatchObject({ code: 'E-CFS-005' });
    expect(presented).toHaveLength(2);
  });
});

/** A different, valid reading each time (the security code changes), so only the guard stops the tries. */
function fieldsFor(n: number): ParsedCardFace {
  return {
    birthDate: { year: 1980, month: 1, day: 1 },
    printedBirthYear: { calendar: 'western', year: 1980 },
    expiryDate: { year: 2030, month: 1, day: 1 },
    securityCode: String(1000 + n),
    sex: '男',
    evidence: {} as ParsedCardFace['evidence'],
  };
}
