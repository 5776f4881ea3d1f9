/**
 * Resampling: the bilinear affine warp that cuts aligned face crops, and the cheap box
 * downscale that brings a camera frame near the detector's size first. When the warp shrinks,
 * each output pixel averages n×n bilinear samples so a large face does not alias into noise.
 */
import { channelsOf, type Image } from './image.js';
import { invertAffine, scaleOf, type Affine } from './similarity.js';

/** A float image, channels interleaved (HWC), values 0–255. Always 3 channels. */
export interface FloatRgb {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

function bilinear(src: Image, x: number, y: number, out: Float32Array, at: number, weight: number): void {
  // Outside the image is black, as in MediaPipe's letterbox and InsightFace's aligned training
  // crops (measured on the dev pairs: impostor max 0.49 → 0.41 against edge replication, genuine
  // unchanged). Within half a pixel of the edge, the edge pixel is used.
  const maxX = src.width - 1;
  const maxY = src.height - 1;
  if (x < -0.5 || y < -0.5 || x > maxX + 0.5 || y > maxY + 0.5) return;
  const cx = x < 0 ? 0 : x > maxX ? maxX : x;
  const cy = y < 0 ? 0 : y > maxY ? maxY : y;
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = x0 < maxX ? x0 + 1 : x0;
  const y1 = y0 < maxY ? y0 + 1 : y0;
  const fx = cx - x0;
  const fy = cy - y0;
  const w00 = (1 - fx) * (1 - fy) * weight;
  const w01 = fx * (1 - fy) * weight;
  const w10 = (1 - fx) * fy * weight;
  const w11 = fx * fy * weight;
  const d = src.data;
  if (channelsOf(src) === 1) {
    const v = d[y0 * src.width + x0]! * w00 + d[y0 * src.width + x1]! * w01 + d[y1 * src.width + x0]! * w10 + d[y1 * src.width + x1]! * w11;
    out[at] = out[at]! + v;
    out[at + 1] = out[at + 1]! + v;
    out[at + 2] = out[at + 2]! + v;
    return;
  }
  const i00 = (y0 * src.width + x0) * 3;
  const i01 = (y0 * src.width + x1) * 3;
  const i10 = (y1 * src.width + x0) * 3;
  const i11 = (y1 * src.width + x1) * 3;
  for (let c = 0; c < 3; c++) {
    out[at + c] = out[at + c]! + d[i00 + c]! * w00 + d[i01 + c]! * w01 + d[i10 + c]! * w10 + d[i11 + c]! * w11;
  }
}

/**
 * Output pixel (u, v) takes the source at inverse(toOutput)(u, v). `toOutput` maps source pixel
 * coordinates to output pixel coordinates (pixel centres at integer positions).
 */
export function warpAffine(src: Image, toOutput: Affine, width: number, height: number): FloatRgb {
  const inv = invertAffine(toOutput);
  const shrink = 1 / scaleOf(toOutput);
  const n = shrink > 1.5 ? Math.min(8, Math.ceil(shrink)) : 1;
  const weight = 1 / (n * n);
  const out = new Float32Array(width * height * 3);
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const at = (v * width + u) * 3;
      for (let j = 0; j < n; j++) {
        const sv = v + (j + 0.5) / n - 0.5;
        for (let i = 0; i < n; i++) {
          const su = u + (i + 0.5) / n - 0.5;
          bilinear(src, inv.a * su + inv.b * sv + inv.tx, inv.c * su + inv.d * sv + inv.ty, out, at, weight);
        }
      }
    }
  }
  return { width, height, data: out };
}

/** Averages k×k blocks (any remainder at the right and bottom edge is dropped). */
export function boxDownscale<T extends Image>(src: T, k: number): T {
  if (k <= 1) return src;
  const ch = channelsOf(src);
  const width = Math.floor(src.width / k);
  const height = Math.floor(src.height / k);
  const out = new Uint8Array(width * height * ch);
  const sums = new Float64Array(width * ch);
  const area = k * k;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      const row = (y * k + dy) * src.width * ch;
      for (let x = 0; x < width * k; x++) {
        const target = Math.floor(x / k) * ch;
        for (let c = 0; c < ch; c++) sums[target + c] = sums[target + c]! + src.data[row + x * ch + c]!;
      }
    }
    for (let i = 0; i < width * ch; i++) out[y * width * ch + i] = Math.round(sums[i]! / area);
  }
  return { ...src, width, height, data: out };
}
