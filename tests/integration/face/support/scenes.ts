/**
 * Camera frames and chip photos made in memory from the face photos @vladmandic/face-api ships
 * (demo/sample1–6.jpg): a 640×480 I420 frame framing one face the way a kiosk camera would, and
 * a 240×320 greyscale JP2 portrait of it the way the card stores it. Nothing is written to disk.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Detection } from '../../../../src/main/face/detection.js';
import type { I420Frame } from '../../../../src/main/face/frame.js';
import { toGrey, type Image } from '../../../../src/main/face/image.js';
import { readImageFile } from '../../../../src/main/face/image-file.js';
import { warpAffine, type FloatRgb } from '../../../../src/main/face/warp.js';
import { encodeGreyJp2 } from '../../../unit/face/support/jp2-fixture.js';

const require = createRequire(import.meta.url);
export const DEMO_DIR = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
export const DEMO_PHOTOS = [1, 2, 3, 4, 5, 6].map((i) => path.join(DEMO_DIR, `sample${i}.jpg`));

export function loadDemo(file: string): Promise<Image> {
  return readImageFile(file);
}

/** Crops a region centred on the face so that it spans `faceShare` of the output width. */
function frameAround(image: Image, face: Detection, width: number, height: number, faceShare: number, raise = 0): FloatRgb {
  const faceWidth = face.box.xMax - face.box.xMin;
  const scale = (faceShare * width) / faceWidth;
  const cx = (face.box.xMin + face.box.xMax) / 2;
  const cy = (face.box.yMin + face.box.yMax) / 2 - raise * faceWidth;
  return warpAffine(image, { a: scale, b: 0, tx: width / 2 - scale * cx, c: 0, d: scale, ty: height / 2 - scale * cy }, width, height);
}

/** BT.601 limited-range I420, as Chromium's camera frames are. `gain` darkens or brightens. */
export function toI420(rgb: FloatRgb, gain = 1): I420Frame {
  const { width, height, data } = rgb;
  const cw = width / 2;
  const ch = height / 2;
  const out = new Uint8Array(width * height + 2 * cw * ch);
  const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));
  for (let i = 0; i < width * height; i++) {
    const r = data[i * 3]! * gain;
    const g = data[i * 3 + 1]! * gain;
    const b = data[i * 3 + 2]! * gain;
    out[i] = clamp(16 + (219 / 255) * (0.299 * r + 0.587 * g + 0.114 * b));
  }
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const i = (2 * y * width + 2 * x) * 3;
      const r = data[i]! * gain;
      const g = data[i + 1]! * gain;
      const b = data[i + 2]! * gain;
      out[width * height + y * cw + x] = clamp(128 + (224 / 255) * (-0.168736 * r - 0.331264 * g + 0.5 * b));
      out[width * height + cw * ch + y * cw + x] = clamp(128 + (224 / 255) * (0.5 * r - 0.418688 * g - 0.081312 * b));
    }
  }
  return { format: 'I420', width, height, yStride: width, uvStride: cw, data: out };
}

/**
 * Replaces everything outside an ellipse around the centred face by a plain wall: the demo
 * photos are group photos, and a patient stands alone at the kiosk.
 */
function isolate(frame: FloatRgb, faceShare: number): FloatRgb {
  const rx = faceShare * frame.width * 0.8;
  const ry = rx * 1.4;
  const data = Float32Array.from(frame.data);
  for (let y = 0; y < frame.height; y++) {
    for (let x = 0; x < frame.width; x++) {
      if (((x - frame.width / 2) / rx) ** 2 + ((y - frame.height / 2) / ry) ** 2 > 1) data.fill(150, (y * frame.width + x) * 3, (y * frame.width + x) * 3 + 3);
    }
  }
  return { ...frame, data };
}

/** A 640×480 camera frame of this face alone, at a comfortable distance (face ≈ 35 % of the width). */
export function cameraFrame(image: Image, face: Detection, options: { faceShare?: number; gain?: number } = {}): I420Frame {
  const faceShare = options.faceShare ?? 0.35;
  return toI420(isolate(frameAround(image, face, 640, 480, faceShare), faceShare), options.gain ?? 1);
}

/** The card's photo of this face: greyscale 240×320 portrait, head and shoulders, as JP2. */
export async function chipPhoto(image: Image, face: Detection): Promise<Uint8Array> {
  const portrait = frameAround(image, face, 240, 320, 0.55, 0.1);
  const grey = toGrey({ kind: 'rgb', width: 240, height: 320, data: Uint8Array.from(portrait.data, (v) => Math.round(v)) });
  return encodeGreyJp2(grey);
}
