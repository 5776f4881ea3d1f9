/**
 * Decodes the chip photo (券面事項確認AP EF 0002 tag DF27: a greyscale JPEG 2000 in a JP2 box) with
 * OpenJPEG compiled to WASM (@cornerstonejs/codec-openjpeg), which decodes bit-exactly against
 * Debian's opj_decompress. Any failure becomes a typed E-FACE-001, never a crash.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { FACE_ERROR_CODES, faceError } from './error-codes.js';
import type { GreyImage } from './image.js';

interface FrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
}
interface J2KDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): FrameInfo;
  delete(): void;
}
interface OpenJpegModule {
  J2KDecoder: new () => J2KDecoder;
}
type OpenJpegFactory = (options: {
  locateFile: (file: string) => string;
  print: (text: string) => void;
  printErr: (text: string) => void;
}) => Promise<OpenJpegModule>;

/** A real chip photo is about 240×320; anything far larger is not a card photo. */
const MAX_SIDE = 2048;
/** JP2 signature box, or a raw J2K codestream's SOC + SIZ markers. */
const JP2_SIGNATURE = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20];
const J2K_SIGNATURE = [0xff, 0x4f, 0xff, 0x51];

// Not named `require`: electron-vite adds its own `require` shim to any chunk that calls one.
const loadCommonJs = createRequire(import.meta.url);
let modulePromise: Promise<OpenJpegModule> | undefined;

function loadCodec(): Promise<OpenJpegModule> {
  const entry = loadCommonJs.resolve('@cornerstonejs/codec-openjpeg/decodewasmjs');
  const factory = loadCommonJs(entry) as OpenJpegFactory;
  const dist = path.dirname(entry);
  // The codec prints "[INFO] ..." lines for every image; the kiosk log must stay clean of them.
  const quiet = (): void => {};
  return factory({ locateFile: (file) => path.join(dist, file), print: quiet, printErr: quiet });
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function invalid(en: string, cause?: unknown): never {
  throw faceError(
    FACE_ERROR_CODES.CHIP_PHOTO_INVALID,
    'カードの顔写真を読み取れません。カードを置き直すか、暗証番号または目視で確認してください',
    `The card photo could not be decoded (${en}). Re-seat the card, or use PIN or visual check`,
    cause,
  );
}

/** Decodes a JP2 or J2K greyscale photo to an 8-bit greyscale image. */
export async function decodeChipPhoto(bytes: Uint8Array): Promise<GreyImage> {
  if (!startsWith(bytes, JP2_SIGNATURE) && !startsWith(bytes, J2K_SIGNATURE)) invalid('not JPEG 2000');
  modulePromise ??= loadCodec();
  const codec = await modulePromise;
  let decoder: J2KDecoder | undefined;
  try {
    decoder = new codec.J2KDecoder();
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const info = decoder.getFrameInfo();
    const { width, height, componentCount, bitsPerSample } = info;
    if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) invalid(`size ${width}x${height}`);
    if (bitsPerSample < 1 || bitsPerSample > 16) invalid(`${bitsPerSample} bits per sample`);
    const decoded = decoder.getDecodedBuffer();
    const bytesPerSample = bitsPerSample > 8 ? 2 : 1;
    if (decoded.length < width * height * componentCount * bytesPerSample) invalid('short pixel buffer');
    return { kind: 'grey', width, height, data: toEightBitGrey(decoded, info) };
  } catch (error) {
    if (error instanceof Error && 'code' in error) throw error;
    // OpenJPEG reports corrupt and truncated codestreams by throwing (an Emscripten exception,
    // sometimes a bare number), not by returning a status.
    return invalid('corrupt or truncated codestream', error);
  } finally {
    decoder?.delete();
  }
}

/** Copies out of WASM memory (which the next decode reuses) and scales to 8 bits. */
function toEightBitGrey(decoded: Uint8Array, info: FrameInfo): Uint8Array {
  const { width, height, componentCount, bitsPerSample, isSigned } = info;
  const out = new Uint8Array(width * height);
  const wide = bitsPerSample > 8 ? new DataView(decoded.buffer, decoded.byteOffset, decoded.byteLength) : undefined;
  const offset = isSigned ? 2 ** (bitsPerSample - 1) : 0;
  const scale = 255 / (2 ** bitsPerSample - 1);
  for (let i = 0; i < out.length; i++) {
    // Colour photos (not expected on the card) are reduced to luma; samples are planar per component.
    let sum = 0;
    const weights = componentCount >= 3 ? [0.299, 0.587, 0.114] : [1];
    for (let c = 0; c < weights.length; c++) {
      const index = c * width * height + i;
      const raw = wide ? (isSigned ? wide.getInt16(index * 2, true) : wide.getUint16(index * 2, true)) : isSigned ? (decoded[index]! << 24) >> 24 : decoded[index]!;
      sum += weights[c]! * (raw + offset);
    }
    out[i] = Math.min(255, Math.max(0, Math.round(sum * scale)));
  }
  return out;
}
