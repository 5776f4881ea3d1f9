/**
 * Feeds main's face matcher from the live preview: about nine frames a second, always the picture
 * shown at that moment (newest only), never two grabs at once; a slow machine sends fewer frames
 * rather than older ones. Runs only while the face screen's camera is live.
 */
import type { WireFrame } from '../../shared/camera-frame.js';
import { grabFrame } from './frame-grabber.js';

/** ~9 fps: the matcher needs 5 usable frames, and more would only queue behind its worker. */
export const FRAME_INTERVAL_MS = 110;

export function startFrameFeed(video: HTMLVideoElement, send: (frame: WireFrame) => void): () => void {
  let busy = false;
  let stopped = false;
  let canvas: HTMLCanvasElement | undefined;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    grabFrame(video, () => (canvas ??= document.createElement('canvas')))
      .then((frame) => {
        if (frame && !stopped) send(frame);
      })
      // A frame that cannot be grabbed (camera just closed, format change) is simply skipped.
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, FRAME_INTERVAL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
