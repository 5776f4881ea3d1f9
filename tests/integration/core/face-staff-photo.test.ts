/**
 * The chip photo staff see during 目視: the card's greyscale JPEG 2000 becomes a PNG data URL the
 * renderer can show under its CSP (img-src data:), with the same pixels, bounded in size, and a
 * corrupt photo is a typed error (staff then see the code and use the printed photo).
 */
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { chipPhotoSchema, MAX_CHIP_PHOTO_SIDE } from '../../../src/shared/snapshot.js';
import { KioskError } from '../../../src/shared/errors.js';
import { staffPhotoDataUrl } from '../../../src/main/core/staff-photo.js';
import { decodeChipPhoto } from '../../../src/main/face/jp2-decode.js';
import { encodeGreyJp2 } from '../../unit/face/support/jp2-fixture.js';

function gradient(width: number, height: number) {
  const data = new Uint8Array(width * height).map((_, i) => ((i % width) * 3 + Math.floor(i / width)) % 256);
  return { kind: 'grey' as const, width, height, data };
}

function pngOf(dataUrl: string): PNG {
  return PNG.sync.read(Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'));
}

describe('chip photo for 目視', () => {
  it('is the decoded chip photo as a greyscale PNG data URL the snapshot accepts', async () => {
    const jp2 = await encodeGreyJp2(gradient(90, 120));
    const url = await staffPhotoDataUrl(jp2);
    expect(chipPhotoSchema.safeParse({ status: 'shown', dataUrl: url }).success).toBe(true);
    const png = pngOf(url);
    const chip = await decodeChipPhoto(jp2);
    expect([png.width, png.height]).toEqual([90, 120]);
    const grey = Uint8Array.from({ length: 90 * 120 }, (_, i) => png.data[i * 4]!);
    expect(Buffer.from(grey).equals(Buffer.from(chip.data))).toBe(true);
  });

  it('a photo larger than the screen slot is shrunk to fit, keeping its shape', async () => {
    const url = await staffPhotoDataUrl(await encodeGreyJp2(gradient(1400, 1800)));
    const png = pngOf(url);
    expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(MAX_CHIP_PHOTO_SIDE);
    expect(png.width / png.height).toBeCloseTo(1400 / 1800, 2);
    expect(chipPhotoSchema.safeParse({ status: 'shown', dataUrl: url }).success).toBe(true);
  });

  it('a corrupt photo is a typed error, not a crash', async () => {
    const jp2 = await encodeGreyJp2(gradient(90, 120));
    await expect(staffPhotoDataUrl(jp2.subarray(0, 200))).rejects.toBeInstanceOf(KioskError);
  });
});
