/**
 * Camera frames from either shell (the browser host's binary WebSocket messages, Electron's frame
 * IPC channel) into the face matcher. The 16-byte header is checked first; the pixels are only
 * handed on while a face session is matching, so frames that arrive at any other time cost
 * nothing. Nothing here looks at, keeps or logs a pixel.
 */
import { decodeFrame } from '../../shared/camera-frame.js';
import { ERROR_CODES, KioskError, type KioskErrorPayload } from '../../shared/errors.js';
import type { CameraFrame } from '../face/frame.js';

export interface CameraFrameSink {
  /** True only while a face session is matching. */
  wanted(): boolean;
  /** Offers a frame to the matcher, which takes the bytes over; throws KioskError E-FACE-002 for one it refuses. */
  push(frame: CameraFrame): void;
}

export type FrameVerdict =
  | { readonly ok: true; readonly used: boolean }
  /** `reason` says what was wrong with the header, for the log; never pixel content. */
  | { readonly ok: false; readonly error: KioskErrorPayload; readonly reason: string };

const MALFORMED: KioskErrorPayload = {
  code: ERROR_CODES.IPC_INVALID_MESSAGE,
  message: '不正なカメラ映像を拒否しました / Malformed camera frame rejected',
};

export function acceptFrameMessage(bytes: Uint8Array, sink: CameraFrameSink | undefined): FrameVerdict {
  const decoded = decodeFrame(bytes);
  if (!decoded.ok) return { ok: false, error: MALFORMED, reason: decoded.reason };
  if (!sink?.wanted()) return { ok: true, used: false };
  try {
    sink.push(decoded.frame);
    return { ok: true, used: true };
  } catch (err) {
    if (err instanceof KioskError) return { ok: false, error: err.toPayload(), reason: 'refused by the face matcher' };
    throw err;
  }
}

/** For a kiosk without face matching (models missing): every frame is dropped unread. */
export const NO_FACE_SESSION: CameraFrameSink = {
  wanted: () => false,
  push: () => undefined,
};
