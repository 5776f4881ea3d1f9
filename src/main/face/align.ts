/**
 * Alignment (顔の正規化): maps a face, located by its 68 landmarks (landmarks.ts), onto the
 * canonical crop its embedder was trained on. Each embedder has its own: MobileFaceNet wants
 * the ArcFace 112×112 template fitted to five points; face-api's ResNet collapses on that crop
 * and needs face-api's own upright, square 150×150 extraction.
 */
import type { Image } from './image.js';
import { fivePoints } from './landmarks.js';
import { fitSimilarity, type Affine, type Point } from './similarity.js';
import { warpAffine, type FloatRgb } from './warp.js';

export type AlignmentKind = 'arcface-112' | 'faceapi-150';

/**
 * ArcFace template (InsightFace) for the eye, eye, nose tip, mouth corner, mouth corner, in
 * image order (the image's left first), in 112×112 crop pixels.
 */
const ARCFACE_TEMPLATE: readonly Point[] = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

/**
 * face-api's "dlib alignment" (FaceLandmarks.alignDlib, what its descriptor pipeline uses): an
 * upright square of side (mean eye-to-mouth distance) / 0.45, placed so that the centroid of
 * the two eye centres and the mouth centre sits at 0.5 of its width and 0.43 of its height.
 */
const DLIB_REL_SCALE = 0.45;
const DLIB_REL_X = 0.5;
const DLIB_REL_Y = 0.43;

export const CROP_SIZE: Record<AlignmentKind, number> = { 'arcface-112': 112, 'faceapi-150': 150 };

function centroid(points: readonly Point[]): Point {
  return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
}

/**
 * face-api floors the square's corner and side to whole pixels and cuts it out; here the same
 * square is resampled directly. (face-api also clips the square at the image border and then
 * re-centres what is left; here the outside stays black and the face stays where it is.)
 */
function dlibSquare(landmarks: readonly Point[], size: number): Affine {
  const { eyeLeft, eyeRight } = fivePoints(landmarks);
  const mouth = centroid(landmarks.slice(48, 68));
  const eyeToMouth = (Math.hypot(mouth.x - eyeLeft.x, mouth.y - eyeLeft.y) + Math.hypot(mouth.x - eyeRight.x, mouth.y - eyeRight.y)) / 2;
  const side = Math.max(1, Math.floor(eyeToMouth / DLIB_REL_SCALE));
  const ref = centroid([eyeLeft, eyeRight, mouth]);
  // face-api's coordinates put pixel edges at integers (ours: pixel centres), hence the + 0.5.
  const x0 = Math.floor(ref.x + 0.5 - DLIB_REL_X * side);
  const y0 = Math.floor(ref.y + 0.5 - DLIB_REL_Y * side);
  const s = size / side;
  // Pixel x0's left edge (x0 − 0.5 in our coordinates) maps to the crop's left edge (−0.5).
  return { a: s, b: 0, tx: -0.5 - s * (x0 - 0.5), c: 0, d: s, ty: -0.5 - s * (y0 - 0.5) };
}

/** The transform from image pixels to crop pixels for this alignment, from the face's 68 landmarks. */
export function alignmentTransform(kind: AlignmentKind, landmarks: readonly Point[]): Affine {
  if (kind === 'arcface-112') {
    const p = fivePoints(landmarks);
    return fitSimilarity([p.eyeLeft, p.eyeRight, p.nose, p.mouthLeft, p.mouthRight], ARCFACE_TEMPLATE);
  }
  return dlibSquare(landmarks, CROP_SIZE[kind]);
}

export function alignFace(kind: AlignmentKind, image: Image, landmarks: readonly Point[]): FloatRgb {
  const size = CROP_SIZE[kind];
  return warpAffine(image, alignmentTransform(kind, landmarks), size, size);
}
