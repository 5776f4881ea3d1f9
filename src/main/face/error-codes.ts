/**
 * Error codes of the face pipeline (顔認証). Staff see the code with a remedy, Japanese first,
 * English after " / ", so they can look it up in docs/operator-guide.md. Only ever add codes.
 */
import { KioskError } from '../../shared/errors.js';

export const FACE_ERROR_CODES = {
  /** The chip photo (券面事項確認AP の顔写真) is not a decodable greyscale JPEG 2000. */
  CHIP_PHOTO_INVALID: 'E-FACE-001',
  /** A camera frame has an impossible size, stride or format (a camera or renderer bug). */
  FRAME_INVALID: 'E-FACE-002',
  /** models/manifest.json or a model file is missing, unreadable or fails its hash. */
  MODEL_UNAVAILABLE: 'E-FACE-003',
  /** ONNX inference failed or produced non-finite numbers. */
  INFERENCE_FAILED: 'E-FACE-004',
  /** The face worker thread died or could not start. */
  WORKER_FAILED: 'E-FACE-005',
  /** The matcher was used out of order (frame without a session, session after close). */
  SESSION_MISUSE: 'E-FACE-006',
  /** An image file given to the evaluation tools could not be decoded. */
  IMAGE_FILE_INVALID: 'E-FACE-007',
  /** The chip photo decoded but no single face was found in it. */
  CHIP_PHOTO_NO_FACE: 'E-FACE-008',
} as const;

export type FaceErrorCode = (typeof FACE_ERROR_CODES)[keyof typeof FACE_ERROR_CODES];

/** Builds the one error type with the bilingual staff message that names the code. */
export function faceError(code: FaceErrorCode, ja: string, en: string, cause?: unknown): KioskError {
  return new KioskError(code, `${ja}（${code}） / ${en} (${code})`, cause === undefined ? undefined : { cause });
}
