/**
 * 68 facial landmarks (face-api.js FaceLandmark68Net, rebuilt as ONNX by scripts/models) on a
 * face BlazeFace found. BlazeFace's own six keypoints have no mouth corners and wander on tight
 * crops; the embedders' thresholds were measured with five points taken from these 68 (eye
 * centres, nose tip, mouth corners), so the alignment uses the same points.
 *
 * The network sees a square crop around the face, resized to 112×112 with black outside the
 * image (face-api pads its detector box to a square with zeros the same way), and returns each
 * point as a fraction of that crop.
 */
import type { Detection } from './detection.js';
import type { Image } from './image.js';
import { pickModel, type LoadedManifest } from './manifest.js';
import { openModel, type ModelSession, type SessionOptions } from './onnx-session.js';
import { fillTensor, parsePreprocess, type Normalisation } from './preprocess.js';
import type { Affine, Point } from './similarity.js';
import { warpAffine } from './warp.js';
import { inputBuffer, inputSide } from './input-tensor.js';

export const LANDMARK_MODEL_ID = 'faceapi-landmark68';
const POINTS = 68;

/**
 * Where the landmark crop sits relative to BlazeFace's box: side = `scale` × box width, centre =
 * box centre moved down by `shiftY` × box width. face-api runs the net on its SSD box padded to
 * a square; that box is not BlazeFace's scaled (on 50 faces its width is 0.82 and its height
 * 1.16 BlazeFace widths, its centre 0.11 widths higher, each varying per face), so the framing
 * is chosen by where the points land, not by imitating the box.
 */
export interface LandmarkFraming {
  readonly scale: number;
  readonly shiftY: number;
}

/**
 * Chosen on 50 faces of face-api's demo photos and the shared scenes: of side 1.0–1.5 × box and
 * shift −0.15…+0.2, this put the five points closest to where face-api's own pipeline (its SSD
 * box) puts them (mean error 5.1 % of the eye distance, median 3.8 %); docs/face.md.
 */
export const DEFAULT_FRAMING: LandmarkFraming = { scale: 1.1, shiftY: 0 };

/** The five ArcFace points, as seen in the image: eye and mouth corner on the image's left first. */
export interface FivePoints {
  readonly eyeLeft: Point;
  readonly eyeRight: Point;
  readonly nose: Point;
  readonly mouthLeft: Point;
  readonly mouthRight: Point;
}

export interface Landmarker {
  /** The 68 points (iBUG order) of `face`, in `image` pixel coordinates. */
  locate(image: Image, face: Detection): Promise<Point[]>;
  release(): Promise<void>;
}

export async function createLandmarker(manifest: LoadedManifest, options: SessionOptions & { framing?: LandmarkFraming } = {}): Promise<Landmarker> {
  const model = await openModel(manifest, pickModel(manifest, 'landmarks', LANDMARK_MODEL_ID), options);
  return new OnnxLandmarker(model, options.framing ?? DEFAULT_FRAMING);
}

/** Transform from image pixels to the square landmark crop of side `size` (pixel centres at integers). */
export function landmarkCropTransform(face: Detection, framing: LandmarkFraming, size: number): Affine {
  const width = face.box.xMax - face.box.xMin;
  const side = Math.max(1, width * framing.scale);
  const cx = (face.box.xMin + face.box.xMax) / 2;
  const cy = (face.box.yMin + face.box.yMax) / 2 + framing.shiftY * width;
  const s = size / side;
  // Crop edge (cx − side/2) maps to the output's edge at −0.5.
  return { a: s, b: 0, tx: -0.5 - s * (cx - side / 2 - 0.5), c: 0, d: s, ty: -0.5 - s * (cy - side / 2 - 0.5) };
}

function mean(points: readonly Point[], from: number, to: number): Point {
  let x = 0;
  let y = 0;
  for (let i = from; i < to; i++) {
    x += points[i]!.x;
    y += points[i]!.y;
  }
  return { x: x / (to - from), y: y / (to - from) };
}

/** Eye centres (mean of each eye's six points), nose tip (30) and mouth corners (48, 54). */
export function fivePoints(points: readonly Point[]): FivePoints {
  if (points.length !== POINTS) throw new RangeError(`expected ${POINTS} landmarks, got ${points.length}`);
  return { eyeLeft: mean(points, 36, 42), eyeRight: mean(points, 42, 48), nose: points[30]!, mouthLeft: points[48]!, mouthRight: points[54]! };
}

class OnnxLandmarker implements Landmarker {
  private readonly size: number;
  private readonly norm: Normalisation;
  private readonly input: Float32Array;

  constructor(
    private readonly model: ModelSession,
    private readonly framing: LandmarkFraming,
  ) {
    this.size = inputSide(model.entry.io);
    this.norm = parsePreprocess(model.entry.io.preprocess);
    this.input = inputBuffer(model.entry.io);
  }

  async locate(image: Image, face: Detection): Promise<Point[]> {
    const toCrop = landmarkCropTransform(face, this.framing, this.size);
    fillTensor(warpAffine(image, toCrop, this.size, this.size), this.norm, this.model.entry.io.layout, this.input);
    const output = Object.values(await this.model.run(this.input))[0]!;
    if (output.length !== 2 * POINTS) throw new RangeError(`${this.model.entry.id}: expected ${2 * POINTS} outputs, got ${output.length}`);
    // Fractions of the crop (edges at 0 and 1) → crop pixel centres → image pixels.
    const points: Point[] = [];
    for (let i = 0; i < POINTS; i++) {
      const u = output[2 * i]! * this.size - 0.5;
      const v = output[2 * i + 1]! * this.size - 0.5;
      points.push({ x: (u - toCrop.tx) / toCrop.a, y: (v - toCrop.ty) / toCrop.d });
    }
    return points;
  }

  release(): Promise<void> {
    return this.model.release();
  }
}
