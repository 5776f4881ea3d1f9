/**
 * Face mode's parts, started once with the kiosk: the card-face scanner (the demo's virtual one,
 * or a document camera), the OCR that reads 照合番号B off it, and the face matcher. Loading the
 * models takes seconds, so it runs in the background and the kiosk reaches standby at once; a
 * patient who picks 顔認証 sooner waits for it. A part that cannot start is logged with its staff
 * code, and `available` settles false so the session stops offering 顔認証 (PIN and 目視 stay).
 */
import { KioskError } from '../../shared/errors.js';
import { CameraCardFaceScanner } from '../cardface/camera-scanner.js';
import { CardFaceReader } from '../cardface/card-face-reader.js';
import { CARDFACE_ERROR_CODES } from '../cardface/error-codes.js';
import type { CardFaceScanner } from '../cardface/scanner.js';
import { createFaceMatcher, type FaceMatcher } from '../face/matcher.js';
import { NO_FACE_SESSION, type CameraFrameSink } from './camera-frames.js';
import type { InsertedCard } from './card-port.js';
import { prefetchingChipPhotos } from './chip-photo-prefetch.js';
import { createChipPhotoSource } from './chip-photo-source.js';
import { createDemoCardFaceScanner } from './demo-card-face-scanner.js';
import type { FacePort } from './effect-runner.js';
import { createFacePort } from './face-port.js';
import type { Logger } from './logger.js';
import { unavailablePorts, UNAVAILABLE_CODES } from './unavailable-ports.js';

export interface FaceServicesOptions {
  /** The demo's virtual card is on this vpcd slot: photograph its persona's front. */
  readonly demoSlot?: number;
  /** The document camera (e.g. /dev/video2) for a real kiosk. */
  readonly cardFaceDevice?: string;
  readonly currentCard: () => InsertedCard | undefined;
  readonly now: () => Date;
  readonly log: Logger;
}

export interface FaceServices {
  readonly port: FacePort;
  /** Where the shells deliver camera frames. */
  readonly frames: CameraFrameSink;
  /**
   * Settles once every part has started (true) or one could not (false; already logged with its
   * code). Never rejects. The session offers 顔認証 only while this has not said false.
   */
  readonly available: Promise<boolean>;
  close(): Promise<void>;
}

export function startFaceServices(options: FaceServicesOptions): FaceServices {
  const { log } = options;
  const scanning = scannerOf(options);
  if (!scanning) {
    log.error(
      { code: CARDFACE_ERROR_CODES.SCANNER_UNAVAILABLE },
      '券面スキャナが設定されていないため顔認証は使えません。--card-face-device で書類カメラを指定してください / No card-face scanner configured, so face mode is off: set the document camera with --card-face-device',
    );
    return { port: unavailablePorts().face, frames: NO_FACE_SESSION, available: Promise.resolve(false), close: async () => undefined };
  }
  const { scanner, ready: scannerReady } = scanning;

  const reader = background(CardFaceReader.load(), log, 'card-face OCR');
  const matcher = background(createFaceMatcher(), log, 'face matcher').catch((cause: unknown) => {
    throw new KioskError(UNAVAILABLE_CODES.face, '顔認証モデルが接続されていません / face is not connected', { cause });
  });
  matcher.catch(() => undefined); // logged once above; every match() sees the rejection itself

  const chipPhotos = prefetchingChipPhotos(
    createChipPhotoSource({
      scanner,
      reader: { read: async (image, today) => (await reader).read(image, today) },
      currentCard: options.currentCard,
      now: options.now,
      log,
    }),
    options.currentCard,
  );
  const { port, frames } = createFacePort({ matcher, chipPhotos, log });
  return {
    port,
    frames,
    available: Promise.all([scannerReady, reader, matcher]).then(
      () => true,
      () => false,
    ),
    async close() {
      port.stop();
      port.forgetChipPhoto?.();
      await Promise.allSettled([matcher.then((m: FaceMatcher) => m.close()), reader.then((r) => r.release())]);
    },
  };
}

/** The scanner, and when it is ready (the camera scanner opens its device per capture). */
function scannerOf(options: FaceServicesOptions): { scanner: CardFaceScanner; ready: Promise<unknown> } | undefined {
  if (options.demoSlot !== undefined) {
    const demo = background(createDemoCardFaceScanner(options.demoSlot), options.log, 'virtual card-face scanner');
    return { scanner: { capture: async () => (await demo).capture() }, ready: demo };
  }
  if (options.cardFaceDevice) return { scanner: new CameraCardFaceScanner({ device: options.cardFaceDevice }), ready: Promise.resolve() };
  return undefined;
}

/** Starts loading now and logs a failure once with its staff code; callers still see the rejection. */
function background<T>(loading: Promise<T>, log: Logger, what: string): Promise<T> {
  loading.catch((err: unknown) => {
    const cause = err instanceof KioskError ? err.code : undefined;
    log.error({ err, code: UNAVAILABLE_CODES.face, cause, part: what }, `${what} did not start: face mode is unavailable, PIN and 目視 still work`);
  });
  return loading;
}
