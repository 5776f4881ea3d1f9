import { useEffect } from 'react';
import { kiosk } from '../state/kiosk.js';

/** Within the watchdog's 30 s staleness limit, with room for a slow tick. */
const HEARTBEAT_MS = 10_000;

/**
 * Tells main's watchdog whether a camera is there (camera-status), at start and as a heartbeat.
 * It lists devices only: the camera itself is opened by the face screen alone, so this never
 * turns the camera on or sees an image.
 */
export function useCameraReport(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const report = async () => {
      try {
        const devices = (await navigator.mediaDevices?.enumerateDevices()) ?? [];
        const camera = devices.find((d) => d.kind === 'videoinput');
        await kiosk().send(camera ? { type: 'camera-status', available: true, ...(camera.label ? { device: camera.label.slice(0, 128) } : {}) } : { type: 'camera-status', available: false, reason: 'NotFoundError' });
      } catch (error) {
        await kiosk().send({ type: 'camera-status', available: false, reason: error instanceof Error ? error.name.slice(0, 64) : 'Error' });
      }
    };
    void report();
    const timer = setInterval(() => void report(), HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [enabled]);
}
