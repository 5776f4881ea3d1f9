/**
 * The matcher's per-frame quality hints (src/main/face/quality.ts) as the one sentence the face
 * screen speaks (FaceHint, src/shared/snapshot.ts). When a frame has several problems, the one
 * the patient must fix first wins: a second person or no face before distance, distance before
 * light, light before pose and stillness.
 */
import type { FaceHint } from '../../shared/snapshot.js';
import type { QualityHint } from '../face/quality.js';

const SPOKEN: ReadonlyArray<readonly [QualityHint, FaceHint]> = [
  ['multiple-faces', 'multiple-faces'],
  ['no-face', 'searching'],
  ['too-far', 'too-far'],
  ['too-close', 'too-close'],
  ['backlight', 'backlight'],
  // Light falling on the face (窓からの光が当たっています).
  ['overexposed', 'outside-light'],
  // No sentence for "too dark" yet: "fit your face in the frame" keeps the patient looking at the camera.
  ['too-dark', 'searching'],
  // Its sentence is "look straight at the camera" (帽子やサングラスを外して、カメラを正面から見てください).
  ['face-turned', 'not-live'],
  ['blurred', 'hold-still'],
  ['off-centre', 'searching'],
];

export function faceHintOf(hints: readonly QualityHint[]): FaceHint {
  for (const [quality, spoken] of SPOKEN) if (hints.includes(quality)) return spoken;
  // A usable frame: the matcher is collecting frames, so the patient should keep still.
  return 'hold-still';
}
