/**
 * Builds the models' input tensors straight from the RGBA frame with bilinear sampling: a resized
 * whole frame for the detector, and one upright strip per (possibly rotated) text box for the
 * recogniser. Channels go in B, G, R order and NCHW layout, as PaddleOCR trained them.
 */
import type { CardFaceImage } from '../image.js';
import type { TextBox } from './db-postprocess.js';

/** ImageNet statistics in B, G, R order: PaddleOCR's detector normalisation. */
const DET_MEAN = [0.406, 0.456, 0.485] as const;
const DET_STD = [0.225, 0.224, 0.229] as const;
/** RGBA byte offsets of B, G, R. */
const BGR = [2, 1, 0] as const;

export const REC_HEIGHT = 48;

function bilinear(image: CardFaceImage, x: number, y: number, channel: number): number {
  const { width, height, rgba } = image;
  const cx = Math.min(Math.max(x, 0), width - 1);
  const cy = Math.min(Math.max(y, 0), height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const at = (px: number, py: number): number => rgba[(py * width + px) * 4 + channel] ?? 0;
  const top = at(x0, y0) + (at(x1, y0) - at(x0, y0)) * fx;
  const bottom = at(x0, y1) + (at(x1, y1) - at(x0, y1)) * fx;
  return top + (bottom - top) * fy;
}

/** The whole frame resized to width × height (multiples of 32), normalised for the detector. */
export function detectorInput(image: CardFaceImage, width: number, height: number): Float32Array {
  const out = new Float32Array(3 * width * height);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const srcX = (x + 0.5) * sx - 0.5;
      const srcY = (y + 0.5) * sy - 0.5;
      for (let c = 0; c < 3; c++) {
        const v = bilinear(image, srcX, srcY, BGR[c] as number) / 255;
        out[c * width * height + y * width + x] = (v - (DET_MEAN[c] as number)) / (DET_STD[c] as number);
      }
    }
  }
  return out;
}

/** Width of the recogniser strip for a box: its aspect ratio at the model's fixed height. */
export function stripWidth(box: TextBox, maxWidth: number): number {
  return Math.max(8, Math.min(maxWidth, Math.round((REC_HEIGHT * box.width) / box.height)));
}

/**
 * Samples a box (in frame pixels) as an upright strip of `width` × 48 into a batch tensor whose
 * rows are `batchWidth` wide; columns past `width` stay 0 (mid-grey after normalisation).
 */
export function writeRecognizerStrip(image: CardFaceImage, box: TextBox, width: number, batch: Float32Array, index: number, batchWidth: number): void {
  const ux = Math.cos(box.angle);
  const uy = Math.sin(box.angle);
  const plane = REC_HEIGHT * batchWidth;
  const base = index * 3 * plane;
  for (let y = 0; y < REC_HEIGHT; y++) {
    const v = ((y + 0.5) / REC_HEIGHT - 0.5) * box.height;
    for (let x = 0; x < width; x++) {
      const u = ((x + 0.5) / width - 0.5) * box.width;
      const srcX = box.cx + u * ux - v * uy;
      const srcY = box.cy + u * uy + v * ux;
      for (let c = 0; c < 3; c++) {
        batch[base + c * plane + y * batchWidth + x] = bilinear(image, srcX, srcY, BGR[c] as number) / 127.5 - 1;
      }
    }
  }
}
