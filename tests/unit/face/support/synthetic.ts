/** Synthetic images and detections for unit tests: known geometry, no model needed. */
import type { Detection } from '../../../../src/main/face/detection.js';
import type { GreyImage } from '../../../../src/main/face/image.js';

export function flatGrey(width: number, height: number, value: number): GreyImage {
  return { kind: 'grey', width, height, data: new Uint8Array(width * height).fill(value) };
}

/** Paints a filled rectangle (a stand-in for a face region's brightness). */
export function paint(image: GreyImage, x0: number, y0: number, x1: number, y1: number, value: number): GreyImage {
  const data = Uint8Array.from(image.data);
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) data.fill(value, y * image.width + Math.max(0, x0), y * image.width + Math.min(image.width, x1));
  return { ...image, data };
}

/**
 * A frontal face detection with its box centred at (cx, cy) and width w: eyes at 30 % / 70 % of
 * the width and 40 % of the height, nose at 60 %, mouth at 78 %, ears at the sides.
 */
export function frontalFace(cx: number, cy: number, w: number, options: { yawShift?: number; score?: number } = {}): Detection {
  const x0 = cx - w / 2;
  const y0 = cy - w / 2;
  const shift = (options.yawShift ?? 0) * w;
  return {
    score: options.score ?? 0.9,
    box: { xMin: x0, yMin: y0, xMax: x0 + w, yMax: y0 + w },
    keypoints: [
      { x: x0 + 0.3 * w, y: y0 + 0.4 * w },
      { x: x0 + 0.7 * w, y: y0 + 0.4 * w },
      { x: cx + shift, y: y0 + 0.6 * w },
      { x: cx, y: y0 + 0.78 * w },
      { x: x0, y: y0 + 0.45 * w },
      { x: x0 + w, y: y0 + 0.45 * w },
    ],
  };
}
