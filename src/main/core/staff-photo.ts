/**
 * The chip photo as staff see it during 目視: the card's greyscale JPEG 2000 decoded and written
 * as a PNG data URL, the ONE image the renderer may show (the visual-check snapshot). It is made
 * when the 目視 screen opens and lives only in that screen's state; nothing here keeps a copy,
 * and the decoded pixels are wiped once encoded.
 */
import { crc32, deflateSync } from 'node:zlib';
import { MAX_CHIP_PHOTO_SIDE } from '../../shared/snapshot.js';
import type { GreyImage } from '../face/image.js';
import { decodeChipPhoto } from '../face/jp2-decode.js';

export async function staffPhotoDataUrl(jp2: Uint8Array): Promise<string> {
  const decoded = await decodeChipPhoto(jp2);
  const shown = fitted(decoded);
  try {
    return `data:image/png;base64,${greyPng(shown).toString('base64')}`;
  } finally {
    decoded.data.fill(0);
    shown.data.fill(0);
  }
}

/** Real chip photos are small; anything larger is shrunk by a whole factor (box average) to fit. */
function fitted(image: GreyImage): GreyImage {
  const factor = Math.ceil(Math.max(image.width, image.height) / MAX_CHIP_PHOTO_SIDE);
  if (factor <= 1) return { ...image, data: image.data.slice() };
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) for (let dx = 0; dx < factor; dx++) sum += image.data[(y * factor + dy) * image.width + x * factor + dx]!;
      data[y * width + x] = Math.round(sum / (factor * factor));
    }
  }
  return { kind: 'grey', width, height, data };
}

/** An 8-bit greyscale PNG: signature, IHDR, one IDAT of unfiltered rows, IEND. */
function greyPng(image: GreyImage): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, colour type 0 (grey), deflate, no filter method, no interlace
  const rows = Buffer.alloc((image.width + 1) * image.height);
  for (let y = 0; y < image.height; y++) rows.set(image.data.subarray(y * image.width, (y + 1) * image.width), y * (image.width + 1) + 1);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
  rows.fill(0);
  return png;
}

function chunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}
