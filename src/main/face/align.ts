/**
 * Alignment (顔の正規化): maps a detected face onto the canonical crop its embedder was trained
 * on. Each embedder has its own: MobileFaceNet wants the ArcFace 112×112 template; face-api's
 * ResNet collapses on that crop and needs its own upright, square 150×150 extraction.
 */
import { KEYPOINT, type Detection } from './detection.js';
import type { Image } from './image.js';
import { fitSimilarity, type Affine, type Point } from './similarity.js';
import { warpAffine, type FloatRgb } from './warp.js';

export type AlignmentKind = 'arcface-112' | 'faceapi-150';

/**
 * ArcFace template (InsightFace) for left eye, right eye, nose tip, mouth corners, as seen in the
 * image. BlazeFace has no mouth corners, only the mouth centre: we fit its eyes, nose and mouth
 * against the template's eyes, nose and the corners' midpoint.
 */
const ARCFACE_EYE_A = { x: 38.2946, y: 51.6963 };
const ARCFACE_EYE_B = { x: 73.5318, y: 51.5014 };
const ARCFACE_NOSE = { x: 56.0252, y: 71.7366 };
const ARCFACE_MOUTH = { x: (41.5493 + 70.7299) / 2, y: (92.3655 + 92.2041) / 2 };

/**
 * Where face-api's own extraction (68-landmark box, squared, resized to 150) puts the eyes and
 * mouth: the mean BlazeFace keypoints over the 40 face-api-extracted 150×150 dev crops in
 * ../shared/data/faces/dev (measured once; see docs/face.md). Rotation is not removed, as in face-api.
 */
const FACEAPI_EYE_A = { x: 44.5, y: 45.7 };
const FACEAPI_EYE_B = { x: 104.3, y: 44.0 };
const FACEAPI_MOUTH = { x: 74.8, y: 108.5 };

export const CROP_SIZE: Record<AlignmentKind, number> = { 'arcface-112': 112, 'faceapi-150': 150 };

function keypoints(d: Detection, ...which: number[]): Point[] {
  return which.map((i) => d.keypoints[i]!);
}

/** Least squares over scale and translation only (an upright box, no rotation). */
function fitUpright(from: readonly Point[], to: readonly Point[]): Affine {
  const full = fitSimilarity(from, to);
  const scale = Math.hypot(full.a, full.c);
  const mf = from.reduce((s, p) => ({ x: s.x + p.x / from.length, y: s.y + p.y / from.length }), { x: 0, y: 0 });
  const mt = to.reduce((s, p) => ({ x: s.x + p.x / to.length, y: s.y + p.y / to.length }), { x: 0, y: 0 });
  return { a: scale, b: 0, tx: mt.x - scale * mf.x, c: 0, d: scale, ty: mt.y - scale * mf.y };
}

/** The transform from image pixels to crop pixels for this alignment. */
export function alignmentTransform(kind: AlignmentKind, face: Detection): Affine {
  if (kind === 'arcface-112') {
    return fitSimilarity(keypoints(face, KEYPOINT.rightEye, KEYPOINT.leftEye, KEYPOINT.noseTip, KEYPOINT.mouth), [ARCFACE_EYE_A, ARCFACE_EYE_B, ARCFACE_NOSE, ARCFACE_MOUTH]);
  }
  return fitUpright(keypoints(face, KEYPOINT.rightEye, KEYPOINT.leftEye, KEYPOINT.mouth), [FACEAPI_EYE_A, FACEAPI_EYE_B, FACEAPI_MOUTH]);
}

export function alignFace(kind: AlignmentKind, image: Image, face: Detection): FloatRgb {
  const size = CROP_SIZE[kind];
  return warpAffine(image, alignmentTransform(kind, face), size, size);
}
