/**
 * The in-memory picture of a card front (券面画像). It lives only in main-process memory: never
 * written to disk, logged, stored or sent to the renderer (same rule as face images).
 */
export interface CardFaceImage {
  readonly width: number;
  readonly height: number;
  /** Row-major RGBA, 4 bytes per pixel (what canvas getImageData and ffmpeg `rgba` both give). */
  readonly rgba: Uint8Array | Uint8ClampedArray;
}

/** Overwrites the pixels so the picture does not linger in memory after it was read. */
export function wipeImage(image: CardFaceImage): void {
  image.rgba.fill(0);
}

/** Checks that an image's buffer matches its stated size, so later stages can index it safely. */
export function isWellFormedImage(image: CardFaceImage): boolean {
  return (
    Number.isInteger(image.width) &&
    Number.isInteger(image.height) &&
    image.width > 0 &&
    image.height > 0 &&
    image.rgba.length === image.width * image.height * 4
  );
}
