/**
 * Face crops for checking converted models against their references: square crops around
 * faces in the demo photos @vladmandic/face-api ships (so tests need nothing outside npm), and
 * the dev crops in ../shared/data/faces/dev for development measurements. The crops only need
 * to be real faces at roughly the embedder's framing; the check is converted-vs-reference
 * agreement on identical input, not recognition accuracy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** Interleaved RGB, 0–255. */
  readonly data: Uint8Array;
}

export interface FaceCrop {
  readonly label: string;
  /** size × size × 3 RGB values 0–255 (NHWC, one image). */
  readonly rgb: Float32Array;
}

/**
 * Face centres and sizes (pixels) in face-api's demo photos, found once with BlazeFace
 * (back model, score ≥ 0.8) and written down so the tests do not depend on the detector.
 */
const DEMO_FACES = [
  { file: 'sample1.jpg', cx: 520, cy: 511, side: 194 },
  { file: 'sample1.jpg', cx: 1574, cy: 347, side: 152 },
  { file: 'sample2.jpg', cx: 1554, cy: 294, side: 205 },
  { file: 'sample3.jpg', cx: 698, cy: 490, side: 210 },
  { file: 'sample4.jpg', cx: 1076, cy: 335, side: 208 },
  { file: 'sample5.jpg', cx: 671, cy: 560, side: 191 },
  { file: 'sample6.jpg', cx: 351, cy: 651, side: 223 },
  { file: 'sample6.jpg', cx: 1263, cy: 474, side: 233 },
] as const;

/** Crops framed a little wider than the detector box, as embedders are trained on. */
const MARGIN = 1.25;

/** The first `limit` demo faces (all of them by default) as size × size crops. */
export function demoFaceCrops(size: number, limit: number = DEMO_FACES.length): FaceCrop[] {
  const require = createRequire(import.meta.url);
  const demoDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
  const decoded = new Map<string, RgbImage>();
  return DEMO_FACES.slice(0, limit).map((face, i) => {
    let image = decoded.get(face.file);
    if (image === undefined) {
      image = decodeImage(readFileSync(join(demoDir, face.file)));
      decoded.set(face.file, image);
    }
    return { label: `${face.file}#${i}`, rgb: cropSquare(image, face.cx, face.cy, face.side * MARGIN, size) };
  });
}

/** Every image under `dir/<person>/`, resized whole to size × size (the dev crops are already faces). */
export function devFaceCrops(dir: string, size: number): FaceCrop[] {
  const crops: FaceCrop[] = [];
  for (const person of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(dir, person.name)).sort()) {
      const image = decodeImage(readFileSync(join(dir, person.name, file)));
      const side = Math.min(image.width, image.height);
      crops.push({ label: `${person.name}/${file}`, rgb: cropSquare(image, image.width / 2, image.height / 2, side, size) });
    }
  }
  return crops;
}

export function decodeImage(bytes: Uint8Array): RgbImage {
  const rgba =
    bytes[0] === 0xff && bytes[1] === 0xd8
      ? jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true })
      : PNG.sync.read(Buffer.from(bytes));
  const data = new Uint8Array(rgba.width * rgba.height * 3);
  for (let i = 0, j = 0; i < data.length; i += 3, j += 4) {
    data[i] = rgba.data[j] ?? 0;
    data[i + 1] = rgba.data[j + 1] ?? 0;
    data[i + 2] = rgba.data[j + 2] ?? 0;
  }
  return { width: rgba.width, height: rgba.height, data };
}

/** Bilinear square crop centred at (cx, cy); pixels outside the image are mid-grey. */
export function cropSquare(image: RgbImage, cx: number, cy: number, side: number, size: number): Float32Array {
  const out = new Float32Array(size * size * 3);
  const scale = side / size;
  const x0 = cx - side / 2;
  const y0 = cy - side / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sx = x0 + (x + 0.5) * scale - 0.5;
      const sy = y0 + (y + 0.5) * scale - 0.5;
      for (let c = 0; c < 3; c++) out[(y * size + x) * 3 + c] = bilinear(image, sx, sy, c);
    }
  }
  return out;
}

function bilinear(image: RgbImage, x: number, y: number, channel: number): number {
  const fx = Math.floor(x);
  const fy = Math.floor(y);
  const ax = x - fx;
  const ay = y - fy;
  const at = (px: number, py: number): number =>
    px < 0 || py < 0 || px >= image.width || py >= image.height ? 128 : (image.data[(py * image.width + px) * 3 + channel] ?? 128);
  return (1 - ay) * ((1 - ax) * at(fx, fy) + ax * at(fx + 1, fy)) + ay * ((1 - ax) * at(fx, fy + 1) + ax * at(fx + 1, fy + 1));
}
