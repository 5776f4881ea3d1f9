/**
 * Pixel conversions to I420, the frame format main's face matcher reads (src/shared/camera-frame.ts):
 * for cameras whose VideoFrame is NV12, and for the canvas fallback, which only gives RGBA. Plain
 * loops over typed arrays: at 640×480 one conversion is a few milliseconds.
 */
import type { WireFrame } from '../../shared/camera-frame.js';

/** Tightly packed I420 (strides = width, ceil(width / 2)). */
function packedI420(width: number, height: number, fullRange: boolean): WireFrame {
  const uvStride = Math.ceil(width / 2);
  const data = new Uint8Array(width * height + 2 * uvStride * Math.ceil(height / 2));
  return { format: 'I420', width, height, yStride: width, uvStride, fullRange, data };
}

/**
 * RGBA (canvas getImageData) → full-range BT.601 I420, chroma averaged over each 2×2 block, so
 * the luma main matches on is exactly the grey the canvas shows.
 */
export function rgbaToI420(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): WireFrame {
  const frame = packedI420(width, height, true);
  const { data, uvStride } = frame;
  const uOffset = width * height;
  const vOffset = uOffset + uvStride * Math.ceil(height / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4;
      data[y * width + x] = Math.round(0.299 * rgba[s]! + 0.587 * rgba[s + 1]! + 0.114 * rgba[s + 2]!);
    }
  }
  for (let cy = 0; cy < Math.ceil(height / 2); cy++) {
    for (let cx = 0; cx < uvStride; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let dy = 0; dy < 2; dy++) {
        for (let dx = 0; dx < 2; dx++) {
          const x = 2 * cx + dx;
          const y = 2 * cy + dy;
          if (x >= width || y >= height) continue;
          const s = (y * width + x) * 4;
          r += rgba[s]!;
          g += rgba[s + 1]!;
          b += rgba[s + 2]!;
          n++;
        }
      }
      r /= n;
      g /= n;
      b /= n;
      data[uOffset + cy * uvStride + cx] = clampByte(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      data[vOffset + cy * uvStride + cx] = clampByte(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  return frame;
}

/** NV12 (Y plane, then interleaved UV) as VideoFrame.copyTo writes it → I420, planes split. */
export function nv12ToI420(nv12: Uint8Array, width: number, height: number, fullRange: boolean): WireFrame {
  const frame = packedI420(width, height, fullRange);
  const { data, uvStride } = frame;
  const ySize = width * height;
  const chromaRows = Math.ceil(height / 2);
  data.set(nv12.subarray(0, ySize), 0);
  const vOffset = ySize + uvStride * chromaRows;
  for (let i = 0; i < uvStride * chromaRows; i++) {
    data[ySize + i] = nv12[ySize + 2 * i]!;
    data[vOffset + i] = nv12[ySize + 2 * i + 1]!;
  }
  return frame;
}

function clampByte(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}
