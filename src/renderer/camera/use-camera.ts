/**
 * The live preview on the face screen comes from the renderer's OWN camera stream, and the same
 * stream feeds main's face matcher (frame-feed.ts): frames go to main, never an image back
 * (ARCHITECTURE.md, privacy by construction). The stream exists only while the component using
 * this hook is mounted, so the camera light is on, and frames flow, exactly while the face
 * screen is shown.
 */
import { useEffect, useState, type RefObject } from 'react';
import { kiosk } from '../state/kiosk.js';
import { startFrameFeed } from './frame-feed.js';

export type CameraStatus = 'starting' | 'live' | 'unavailable';

const PREVIEW_CONSTRAINTS: MediaStreamConstraints = {
  video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
  audio: false,
};

export function useCamera(video: RefObject<HTMLVideoElement | null>): CameraStatus {
  const [status, setStatus] = useState<CameraStatus>(() => (canOpenCamera() ? 'starting' : 'unavailable'));

  useEffect(() => {
    const element = video.current;
    let stream: MediaStream | undefined;
    let stopFeed: (() => void) | undefined;
    let ended = false;
    const stop = (s: MediaStream) => s.getTracks().forEach((track) => track.stop());

    if (!canOpenCamera()) return;
    navigator.mediaDevices.getUserMedia(PREVIEW_CONSTRAINTS).then(
      (opened) => {
        // The screen may have gone (card lifted) before the camera answered: close it at once.
        if (ended) return stop(opened);
        stream = opened;
        if (element) {
          element.srcObject = opened;
          void element.play().catch(() => undefined);
          stopFeed = startFrameFeed(element, (frame) => kiosk().sendFrame(frame));
        }
        setStatus('live');
      },
      () => {
        if (!ended) setStatus('unavailable');
      },
    );

    return () => {
      ended = true;
      stopFeed?.();
      if (stream) stop(stream);
      if (element) element.srcObject = null;
    };
  }, [video]);

  return status;
}

/** getUserMedia exists only in a secure context (the browser host's 127.0.0.1 and Electron are). */
function canOpenCamera(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}
