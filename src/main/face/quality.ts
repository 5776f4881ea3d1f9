/**
 * Capture-quality hints (撮影ガイド) per frame, as typed codes the UI speaks to the patient:
 * the conditions the MHLW leaflets name (too close, backlight, outside light) and the ones that
 * make a match unreliable. Thresholds are fractions of the frame, so they hold for any camera
 * resolution; each is a constant here with the reason for its value.
 */
import { KEYPOINT, boxArea, type Detection } from './detection.js';
import type { GreyImage } from './image.js';

export const QUALITY_HINTS = [
  'no-face',
  'multiple-faces',
  'too-far',
  'too-close',
  'off-centre',
  'too-dark',
  'backlight',
  'overexposed',
  'blurred',
  'face-turned',
] as const;
export type QualityHint = (typeof QUALITY_HINTS)[number];

/** Hints that still allow a match attempt: the face is fine, only its placement could be better. */
const ADVISORY: ReadonlySet<QualityHint> = new Set(['off-centre']);

export const QUALITY_LIMITS = {
  /** A second face at least this large (relative to the main face's box width) is a second person at the counter, not someone far behind. */
  secondFaceRatio: 0.6,
  /** Face box width / frame width. Below, the eyes span < ~25 px at 640 px: too few for a 112 px crop. */
  minFaceWidth: 0.16,
  /** Above, the chin or forehead leaves the frame and the wide-angle lens distorts the face. */
  maxFaceWidth: 0.62,
  /** Face centre's distance from the frame centre, as a fraction of frame width/height. */
  maxOffCentre: 0.22,
  /** Mean face luma (0–255) below which the camera's noise dominates. */
  minFaceLuma: 55,
  /** Background this much brighter than the face, with a bright background: light behind the patient. */
  backlightDelta: 70,
  backlightBackground: 170,
  /** Share of the face's pixels clipped near white: sun or a lamp on the face. */
  maxClippedShare: 0.15,
  /**
   * Variance of the Laplacian on the aligned 112 px crop. Measured on the 15 face-api demo faces:
   * 94–813 sharp, 37–223 when the same faces are first reduced to a quarter of their resolution.
   * The ranges overlap (texture varies per face), so only heavy blur is flagged.
   */
  minSharpness: 30,
  /** |nose − eye midpoint| / eye distance horizontally: about 0.3 is a 25° turn. */
  maxYaw: 0.3,
  /** Nose height between the eyes (0) and the mouth (1); frontal faces sit near 0.5. */
  pitchRange: [0.25, 0.8] as const,
} as const;

export interface FrameQuality {
  readonly hints: readonly QualityHint[];
  /** The face to match, when there is exactly one plausible face. */
  readonly face?: Detection;
  /** True when the hints allow a match attempt on this frame. */
  readonly usable: boolean;
}

function meanLuma(image: GreyImage, x0: number, y0: number, x1: number, y1: number): { mean: number; clipped: number; n: number } {
  const xa = Math.max(0, Math.floor(x0));
  const ya = Math.max(0, Math.floor(y0));
  const xb = Math.min(image.width, Math.ceil(x1));
  const yb = Math.min(image.height, Math.ceil(y1));
  let sum = 0;
  let clipped = 0;
  let n = 0;
  for (let y = ya; y < yb; y += 2) {
    for (let x = xa; x < xb; x += 2) {
      const v = image.data[y * image.width + x]!;
      sum += v;
      if (v >= 250) clipped++;
      n++;
    }
  }
  return { mean: n > 0 ? sum / n : 0, clipped: n > 0 ? clipped / n : 0, n };
}

/** Pose and placement hints from the detector alone (no pixels needed). */
function geometryHints(face: Detection, width: number, height: number): QualityHint[] {
  const hints: QualityHint[] = [];
  const faceWidth = (face.box.xMax - face.box.xMin) / width;
  if (faceWidth < QUALITY_LIMITS.minFaceWidth) hints.push('too-far');
  if (faceWidth > QUALITY_LIMITS.maxFaceWidth) hints.push('too-close');
  const cx = (face.box.xMin + face.box.xMax) / 2 / width - 0.5;
  const cy = (face.box.yMin + face.box.yMax) / 2 / height - 0.5;
  if (Math.abs(cx) > QUALITY_LIMITS.maxOffCentre || Math.abs(cy) > QUALITY_LIMITS.maxOffCentre) hints.push('off-centre');
  const eyeA = face.keypoints[KEYPOINT.rightEye]!;
  const eyeB = face.keypoints[KEYPOINT.leftEye]!;
  const nose = face.keypoints[KEYPOINT.noseTip]!;
  const mouth = face.keypoints[KEYPOINT.mouth]!;
  const eyeDistance = Math.hypot(eyeB.x - eyeA.x, eyeB.y - eyeA.y);
  const eyeMid = { x: (eyeA.x + eyeB.x) / 2, y: (eyeA.y + eyeB.y) / 2 };
  // Measure along and across the eye line so a tilted (rolled) head, which alignment undoes, is not "turned".
  const ux = (eyeB.x - eyeA.x) / eyeDistance;
  const uy = (eyeB.y - eyeA.y) / eyeDistance;
  const yaw = ((nose.x - eyeMid.x) * ux + (nose.y - eyeMid.y) * uy) / eyeDistance;
  const noseDown = -(nose.x - eyeMid.x) * uy + (nose.y - eyeMid.y) * ux;
  const mouthDown = -(mouth.x - eyeMid.x) * uy + (mouth.y - eyeMid.y) * ux;
  const pitch = mouthDown > 0 ? noseDown / mouthDown : 0;
  if (Math.abs(yaw) > QUALITY_LIMITS.maxYaw || pitch < QUALITY_LIMITS.pitchRange[0] || pitch > QUALITY_LIMITS.pitchRange[1]) hints.push('face-turned');
  return hints;
}

/** Exposure hints: the face region against the rest of the frame. */
function exposureHints(image: GreyImage, face: Detection): QualityHint[] {
  const hints: QualityHint[] = [];
  const { xMin, yMin, xMax, yMax } = face.box;
  const inner = meanLuma(image, xMin + (xMax - xMin) * 0.2, yMin + (yMax - yMin) * 0.2, xMax - (xMax - xMin) * 0.2, yMax - (yMax - yMin) * 0.2);
  const all = meanLuma(image, 0, 0, image.width, image.height);
  const faceShare = boxArea(face.box) / (image.width * image.height);
  const background = faceShare < 0.9 ? (all.mean - inner.mean * Math.min(faceShare, 0.9)) / (1 - Math.min(faceShare, 0.9)) : all.mean;
  if (inner.mean < QUALITY_LIMITS.minFaceLuma) hints.push('too-dark');
  if (background - inner.mean > QUALITY_LIMITS.backlightDelta && background > QUALITY_LIMITS.backlightBackground) hints.push('backlight');
  if (inner.clipped > QUALITY_LIMITS.maxClippedShare) hints.push('overexposed');
  return hints;
}

/**
 * Hints for one frame. `sharpness` is the Laplacian variance of the aligned crop of the chosen
 * face (see sharpness.ts), passed in because the crop is made after this choice.
 */
export function assessFrame(luma: GreyImage, detections: readonly Detection[], sharpness?: number): FrameQuality {
  if (detections.length === 0) return { hints: ['no-face'], usable: false };
  const byWidth = [...detections].sort((p, q) => q.box.xMax - q.box.xMin - (p.box.xMax - p.box.xMin));
  const face = byWidth[0]!;
  const hints: QualityHint[] = [];
  const second = byWidth[1];
  if (second && second.box.xMax - second.box.xMin >= QUALITY_LIMITS.secondFaceRatio * (face.box.xMax - face.box.xMin)) hints.push('multiple-faces');
  hints.push(...geometryHints(face, luma.width, luma.height), ...exposureHints(luma, face));
  if (sharpness !== undefined && sharpness < QUALITY_LIMITS.minSharpness) hints.push('blurred');
  return { hints, face, usable: hints.every((h) => ADVISORY.has(h)) };
}
