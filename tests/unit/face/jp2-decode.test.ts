import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors.js';
import { FACE_ERROR_CODES } from '../../../src/main/face/error-codes.js';
import { decodeChipPhoto } from '../../../src/main/face/jp2-decode.js';
import { encodeGreyJp2 } from './support/jp2-fixture.js';

/** A 90×120 greyscale gradient with a dark disc: chip-photo-like, and every pixel known. */
function portrait() {
  const width = 90;
  const height = 120;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = Math.hypot(x - 45, y - 50) < 25 ? 40 : (x * 2 + y) & 255;
  return { kind: 'grey' as const, width, height, data };
}

async function expectChipError(bytes: Uint8Array): Promise<void> {
  const error = await decodeChipPhoto(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KioskError);
  expect((error as KioskError).code).toBe(FACE_ERROR_CODES.CHIP_PHOTO_INVALID);
}

describe('chip photo JP2 decode', () => {
  it('decodes a greyscale JP2 losslessly to its pixels', async () => {
    const image = portrait();
    const decoded = await decodeChipPhoto(await encodeGreyJp2(image));
    expect(decoded.width).toBe(90);
    expect(decoded.height).toBe(120);
    expect(Buffer.from(decoded.data).equals(Buffer.from(image.data))).toBe(true);
  });

  it('rejects non-JPEG-2000, truncated and corrupted files with E-FACE-001, and keeps working after', async () => {
    const good = await encodeGreyJp2(portrait());
    await expectChipError(new Uint8Array(0));
    await expectChipError(Uint8Array.from(Buffer.from('\xff\xd8\xff\xe0 JFIF', 'latin1')));
    await expectChipError(good.subarray(0, 60));
    await expectChipError(good.subarray(0, good.length >> 1));
    const corrupt = Uint8Array.from(good);
    for (let i = 90; i < 140; i++) corrupt[i] = 0xff;
    await expectChipError(corrupt);
    expect((await decodeChipPhoto(good)).width).toBe(90);
  });
});
