/**
 * Camera frames (カメラ映像) as they arrive from the renderer's getUserMedia over the contract.
 * I420 is the default: at 640×480 it is 460 kB against RGBA's 1.2 MB, and VideoFrame.copyTo gives
 * it without conversion. Geometry is validated before a single pixel is read, so a bad frame is a
 * typed E-FACE-002 and never an out-of-bounds read.
 */
import { FACE_ERROR_CODES, faceError } from './error-codes.js';
import type { GreyImage, RgbImage } from './image.js';

/** Planar Y, U, V (4:2:0), planes back to back as VideoFrame.copyTo writes them. */
export interface I420Frame {
  readonly format: 'I420';
  readonly width: number;
  readonly height: number;
  /** Bytes per row of the Y plane (≥ width). */
  readonly yStride: number;
  /** Bytes per row of the U and V planes (≥ ceil(width / 2)). */
  readonly uvStride: number;
  /** Camera video is limited range (Y 16–235) unless the renderer says otherwise. */
  readonly fullRange?: boolean;
  readonly data: Uint8Array;
}

export interface RgbaFrame {
  readonly format: 'RGBA';
  readonly width: number;
  readonly height: number;
  /** Bytes per row (≥ width × 4). */
  readonly stride: number;
  readonly data: Uint8Array;
}

export type CameraFrame = I420Frame | RgbaFrame;

/** Far beyond any kiosk camera (4K is 3840×2160), small enough that a bad header cannot exhaust memory. */
export const MAX_FRAME_SIDE = 4096;
/** BlazeFace sees 128×128: smaller frames cannot show a face it will find. */
export const MIN_FRAME_SIDE = 64;

function invalid(en: string): never {
  throw faceError(
    FACE_ERROR_CODES.FRAME_INVALID,
    'カメラ映像の形式が正しくありません。カメラを接続し直してください',
    `Camera frame rejected (${en}). Reconnect the camera; if it persists, report this code`,
  );
}

function checkSide(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) invalid(`${name} is not an integer`);
  if (value < MIN_FRAME_SIDE || value > MAX_FRAME_SIDE) invalid(`${name} ${value} outside ${MIN_FRAME_SIDE}–${MAX_FRAME_SIDE}`);
  return value;
}

function checkStride(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) invalid(`${name} is not an integer`);
  if (value < min || value > min + 256) invalid(`${name} ${value}, expected ${min}–${min + 256}`);
  return value;
}

/** Throws E-FACE-002 unless the frame's header agrees with its bytes. */
export function validateFrame(frame: unknown): CameraFrame {
  if (typeof frame !== 'object' || frame === null) invalid('not an object');
  const f = frame as Record<string, unknown>;
  if (!(f.data instanceof Uint8Array)) invalid('data is not a Uint8Array');
  const width = checkSide('width', f.width);
  const height = checkSide('height', f.height);
  if (f.format === 'I420') {
    const yStride = checkStride('yStride', f.yStride, width);
    const uvStride = checkStride('uvStride', f.uvStride, Math.ceil(width / 2));
    const needed = yStride * height + 2 * uvStride * Math.ceil(height / 2);
    if (f.data.length < needed) invalid(`I420 needs ${needed} bytes, got ${f.data.length}`);
    return { format: 'I420', width, height, yStride, uvStride, fullRange: f.fullRange === true, data: f.data };
  }
  if (f.format === 'RGBA') {
    const stride = checkStride('stride', f.stride, width * 4);
    if (stride % 4 !== 0) invalid(`RGBA stride ${stride} not a multiple of 4`);
    const needed = stride * height;
    if (f.data.length < needed) invalid(`RGBA needs ${needed} bytes, got ${f.data.length}`);
    return { format: 'RGBA', width, height, stride, data: f.data };
  }
  return invalid(`unsupported format ${String(f.format)}`);
}

/** Luma of a validated frame, full range. For I420 this is the Y plane, no colour maths at all. */
export function frameToGrey(frame: CameraFrame): GreyImage {
  const { width, height } = frame;
  const out = new Uint8Array(width * height);
  if (frame.format === 'I420') {
    const lut = lumaTable(frame.fullRange === true);
    for (let y = 0; y < height; y++) {
      const row = y * frame.yStride;
      for (let x = 0; x < width; x++) out[y * width + x] = lut[frame.data[row + x]!]!;
    }
  } else {
    for (let y = 0; y < height; y++) {
      for (let x = 0, s = y * frame.stride; x < width; x++, s += 4) {
        const d = frame.data;
        out[y * width + x] = (d[s]! * 299 + d[s + 1]! * 587 + d[s + 2]! * 114 + 500) / 1000;
      }
    }
  }
  return { kind: 'grey', width, height, data: out };
}

/** Colour of a validated frame (BT.601 YUV → RGB for I420). */
export function frameToRgb(frame: CameraFrame): RgbImage {
  const { width, height } = frame;
  const out = new Uint8Array(width * height * 3);
  if (frame.format === 'RGBA') {
    for (let y = 0; y < height; y++) {
      for (let x = 0, s = y * frame.stride, o = y * width * 3; x < width; x++, s += 4, o += 3) {
        out[o] = frame.data[s]!;
        out[o + 1] = frame.data[s + 1]!;
        out[o + 2] = frame.data[s + 2]!;
      }
    }
    return { kind: 'rgb', width, height, data: out };
  }
  const { data, yStride, uvStride } = frame;
  const uPlane = yStride * height;
  const vPlane = uPlane + uvStride * Math.ceil(height / 2);
  const full = frame.fullRange === true;
  const yScale = full ? 1 : 255 / 219;
  const cScale = full ? 1 : 255 / 224;
  for (let y = 0; y < height; y++) {
    for (let x = 0, o = y * width * 3; x < width; x++, o += 3) {
      const luma = (data[y * yStride + x]! - (full ? 0 : 16)) * yScale;
      const chromaIndex = (y >> 1) * uvStride + (x >> 1);
      const u = (data[uPlane + chromaIndex]! - 128) * cScale;
      const v = (data[vPlane + chromaIndex]! - 128) * cScale;
      out[o] = clampByte(luma + 1.402 * v);
      out[o + 1] = clampByte(luma - 0.344136 * u - 0.714136 * v);
      out[o + 2] = clampByte(luma + 1.772 * u);
    }
  }
  return { kind: 'rgb', width, height, data: out };
}

function clampByte(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

const lumaTables = new Map<boolean, Uint8Array>();
function lumaTable(fullRange: boolean): Uint8Array {
  let table = lumaTables.get(fullRange);
  if (!table) {
    table = new Uint8Array(256);
    for (let i = 0; i < 256; i++) table[i] = fullRange ? i : clampByte(((i - 16) * 255) / 219);
    lumaTables.set(fullRange, table);
  }
  return table;
}
