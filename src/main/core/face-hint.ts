/**
 * The matcher's per-frame quality hints (src/main/face/quality.ts) as the one sentence the face
 * screen speaks (FaceHint, src/shared/snapshot.ts). When a frame has several problems, the one
 * the patient must fix first wins: a second person or no face before distance, distance before
 * light, light before pose and stillness.
 */
import type { FaceHint } from '../../shared/snapshot.js';
import type { QualityHint } from '../face/quality.js';

/** In priority order. Typed as a full record first so a new QualityHint cannot go unspoken. */
const SPOKEN_FOR: Readonly<Record<QualityHint, FaceHint>> = {
  'multiple-faces': 'multiple-faces',
  'no-face': 'searching',
  'too-far': 'too-far',
  'too-close': 'too-close',
  backlight: 'backlight',
  // Light falling on the face (窓からの光が当たっています).
  overexposed: 'outside-light',
  'too-dark': 'too-dark',
  'face-turned': 'face-turned',
  blurred: 'hold-still',
  // Advisory only (the frame is still used): "fit your face in the frame" without alarm.
  'off-centre': 'searching',
};

const PRIORITY = Object.entries(SPOKEN_FOR) as ReadonlyArray<[QualityHint, FaceHint]>;

export function faceHintOf(hints: readonly QualityHint[]): FaceHint {
  for (const [quality, spoken] of PRIORITY) if (hints.includes(quality)) return spoken;
  // A usable frame: the matcher is collecting frames, so the patient should keep still.
  return 'hold-still';
}
