/**
 * The real FacePort (顔認証): the chip photo of the card on the reader (unlocked from its printed
 * front, chip-photo-source.ts) against the camera frames the renderer sends, in the face worker
 * (src/main/face/matcher.ts). Frames reach the matcher only while an attempt is matching; stop()
 * ends the attempt at once, and the matcher drops the photo's embedding and every frame. The
 * chip photo may have been unlocked ahead of time (chip-photo-prefetch.ts); match() and
 * staffPhoto() take it from there.
 */
import { KioskError } from '../../shared/errors.js';
import type { FaceMatcher } from '../face/matcher.js';
import type { CameraFrameSink } from './camera-frames.js';
import type { PrefetchingChipPhotoSource } from './chip-photo-prefetch.js';
import { CARD_FACE_UNUSABLE } from './chip-photo-source.js';
import type { FacePort } from './effect-runner.js';
import { faceHintOf } from './face-hint.js';
import { staffPhotoDataUrl } from './staff-photo.js';
import type { Logger } from './logger.js';

export interface FacePortDeps {
  /** Created once at kiosk start (loading the models takes seconds); rejects when they are missing. */
  readonly matcher: Promise<FaceMatcher>;
  readonly chipPhotos: PrefetchingChipPhotoSource;
  readonly log: Logger;
}

export function createFacePort(deps: FacePortDeps): { port: FacePort; frames: CameraFrameSink } {
  const { log } = deps;
  /** Bumped by every match() and stop(): an attempt that is no longer the latest gives up. */
  let attempt = 0;
  let matching: FaceMatcher | undefined;

  const port: FacePort = {
    async match(onHint) {
      const mine = ++attempt;
      const stale = () => mine !== attempt;
      const matcher = await deps.matcher;
      let photo: Uint8Array;
      try {
        photo = await deps.chipPhotos.read();
      } catch (err) {
        // Already logged with its code by the chip photo source.
        if (err instanceof KioskError && CARD_FACE_UNUSABLE.has(err.code)) return 'photo-locked';
        throw err;
      }
      if (stale()) {
        photo.fill(0);
        return 'cannot-judge';
      }
      matcher.cancel(); // a previous attempt's session, should one still run
      const off = matcher.onProgress((progress) => {
        if (!stale()) onHint(faceHintOf(progress.hints));
      });
      matching = matcher;
      try {
        // The photo's bytes move into the worker; nothing of it stays on this side.
        await matcher.startSession(photo);
        const result = await matcher.result;
        log.info(
          { outcome: result.outcome, usableFrames: result.usableFrames, framesSeen: result.framesSeen, code: result.error?.code },
          'face matching finished',
        );
        if (result.error && result.outcome === 'cannot-judge' && !stale()) throw new KioskError(result.error.code, result.error.message);
        return result.outcome;
      } finally {
        off();
        if (!stale()) matching = undefined;
      }
    },
    stop() {
      attempt++;
      // Resolves the running session as cannot-judge; the worker forgets the chip embedding.
      matching?.cancel();
      matching = undefined;
    },
    prefetchChipPhoto() {
      deps.chipPhotos.prefetch();
    },
    forgetChipPhoto() {
      deps.chipPhotos.forget();
    },
    async staffPhoto() {
      const photo = await deps.chipPhotos.read();
      try {
        return await staffPhotoDataUrl(photo);
      } finally {
        photo.fill(0);
      }
    },
  };

  const frames: CameraFrameSink = {
    wanted: () => matching !== undefined,
    push(frame) {
      matching?.pushFrame(frame);
    },
  };

  return { port, frames };
}
