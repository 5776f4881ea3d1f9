/**
 * What the detector reports for one face: a box and BlazeFace's six keypoints, in the pixel
 * coordinates of the image it was given.
 */
import type { Point } from './similarity.js';

export interface Box {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Order as the network emits them. "Right" is the person's right: on the image's left side. */
export const KEYPOINT = { rightEye: 0, leftEye: 1, noseTip: 2, mouth: 3, rightEar: 4, leftEar: 5 } as const;

export interface Detection {
  /** Sigmoid of the network's logit, 0–1. */
  readonly score: number;
  readonly box: Box;
  /** Six points, indexed by KEYPOINT. */
  readonly keypoints: readonly Point[];
}

export function boxArea(b: Box): number {
  return Math.max(0, b.xMax - b.xMin) * Math.max(0, b.yMax - b.yMin);
}

export function intersectionOverUnion(a: Box, b: Box): number {
  const inter = boxArea({ xMin: Math.max(a.xMin, b.xMin), yMin: Math.max(a.yMin, b.yMin), xMax: Math.min(a.xMax, b.xMax), yMax: Math.min(a.yMax, b.yMax) });
  const union = boxArea(a) + boxArea(b) - inter;
  return union > 0 ? inter / union : 0;
}
