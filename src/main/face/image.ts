/**
 * In-memory image types the pipeline passes between stages. Pixels are packed rows (stride equals
 * the row width) so every stage can index without carrying strides; camera frames with padded
 * rows are unpacked once at the boundary (frame.ts).
 */

/** One byte per pixel, full range 0–255. The chip photo (顔写真) is this. */
export interface GreyImage {
  readonly kind: 'grey';
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Three bytes per pixel, R G B, full range. */
export interface RgbImage {
  readonly kind: 'rgb';
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export type Image = GreyImage | RgbImage;

export function channelsOf(image: Image): 1 | 3 {
  return image.kind === 'grey' ? 1 : 3;
}

/** ITU-R BT.601 luma, the weighting a greyscale card photo was most likely made with. */
export function toGrey(image: Image): GreyImage {
  if (image.kind === 'grey') return image;
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 3) {
    out[i] = (data[j]! * 299 + data[j + 1]! * 587 + data[j + 2]! * 114 + 500) / 1000;
  }
  return { kind: 'grey', width, height, data: out };
}
