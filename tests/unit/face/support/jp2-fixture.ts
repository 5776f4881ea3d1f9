/**
 * Makes greyscale JP2 files in memory, like the chip photo (券面事項確認AP 顔写真), from any
 * greyscale image: OpenJPEG's WASM encoder writes the J2K codestream, and the JP2 boxes around
 * it (signature, ftyp, jp2h with ihdr + greyscale colr, jp2c) are written here. Nothing touches disk.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { GreyImage } from '../../../../src/main/face/image.js';

interface Encoder {
  getDecodedBuffer(info: { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned: boolean; isUsingColorTransform: boolean }): Uint8Array;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete(): void;
}
type Factory = (o: { locateFile: (f: string) => string; print: () => void; printErr: () => void }) => Promise<{ J2KEncoder: new () => Encoder }>;

const require = createRequire(import.meta.url);
let codec: ReturnType<Factory> | undefined;

function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  const length = 8 + parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(length);
  new DataView(out.buffer).setUint32(0, length);
  out.set(Buffer.from(type, 'latin1'), 4);
  let at = 8;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function encodeGreyJp2(image: GreyImage): Promise<Uint8Array> {
  const entry = require.resolve('@cornerstonejs/codec-openjpeg/wasmjs');
  codec ??= (require(entry) as Factory)({ locateFile: (f) => path.join(path.dirname(entry), f), print: () => {}, printErr: () => {} });
  const encoder = new (await codec).J2KEncoder();
  try {
    encoder.getDecodedBuffer({ width: image.width, height: image.height, bitsPerSample: 8, componentCount: 1, isSigned: false, isUsingColorTransform: false }).set(image.data);
    encoder.encode();
    const codestream = encoder.getEncodedBuffer().slice();
    const ihdr = new Uint8Array(14);
    const view = new DataView(ihdr.buffer);
    view.setUint32(0, image.height);
    view.setUint32(4, image.width);
    view.setUint16(8, 1); // one component
    ihdr[10] = 7; // 8 bits, unsigned
    ihdr[11] = 7; // JPEG 2000 compression
    const colr = Uint8Array.of(1, 0, 0, 0, 0, 0, 17); // enumerated colour space 17 = greyscale
    const signature = Uint8Array.of(0x0d, 0x0a, 0x87, 0x0a);
    const ftyp = Uint8Array.from(Buffer.concat([Buffer.from('jp2 '), Buffer.alloc(4), Buffer.from('jp2 ')]));
    return Uint8Array.from(Buffer.concat([box('jP  ', signature), box('ftyp', ftyp), box('jp2h', box('ihdr', ihdr), box('colr', colr)), box('jp2c', codestream)]));
  } finally {
    encoder.delete();
  }
}
