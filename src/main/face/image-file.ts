/**
 * Decodes image files (JPEG, PNG, JPEG 2000) for the evaluation tool, the benchmark and tests.
 * The kiosk itself never reads face images from disk: its inputs are camera frames and the
 * chip photo, both in memory.
 */
import { readFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { FACE_ERROR_CODES, faceError } from './error-codes.js';
import type { Image } from './image.js';
import { decodeChipPhoto } from './jp2-decode.js';

/** Pixels a test or evaluation image may have; jpeg-js allocates up front, so cap it. */
const MAX_PIXELS = 40_000_000;

function invalid(file: string, cause?: unknown): never {
  throw faceError(FACE_ERROR_CODES.IMAGE_FILE_INVALID, `画像ファイル ${file} を読み取れません`, `Cannot decode image file ${file}`, cause);
}

/** RGBA → RGB, or to grey when all three channels agree (a greyscale PNG or JPEG). */
function fromRgba(width: number, height: number, rgba: Uint8Array): Image {
  let grey = true;
  for (let i = 0; i < rgba.length && grey; i += 4) grey = rgba[i] === rgba[i + 1] && rgba[i] === rgba[i + 2];
  if (grey) {
    const data = new Uint8Array(width * height);
    for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]!;
    return { kind: 'grey', width, height, data };
  }
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 3, j += 4) {
    data[i] = rgba[j]!;
    data[i + 1] = rgba[j + 1]!;
    data[i + 2] = rgba[j + 2]!;
  }
  return { kind: 'rgb', width, height, data };
}

export async function decodeImageBytes(bytes: Uint8Array, name = 'image'): Promise<Image> {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const out = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6 });
      return fromRgba(out.width, out.height, out.data);
    }
    if (bytes[0] === 0x89 && bytes[1] === 0x50) {
      const png = PNG.sync.read(Buffer.from(bytes));
      return fromRgba(png.width, png.height, png.data);
    }
    return await decodeChipPhoto(bytes);
  } catch (error) {
    return invalid(name, error);
  }
}

export async function readImageFile(file: string): Promise<Image> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return invalid(file, error);
  }
  return decodeImageBytes(bytes, file);
}
