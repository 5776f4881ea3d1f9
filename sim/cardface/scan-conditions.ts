/**
 * How a card front looks to the scanner camera: placement (shift, scale, small rotation) and the
 * defects of a real capture (sensor noise, defocus blur, glare from the light, a thumb over the edge).
 */
import type { Rng } from './rng.js';

export interface Glare {
  /** Centre, in card units. */
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  /** 0–1: opacity of the white highlight at its centre. */
  readonly strength: number;
}

/** An ellipse of skin colour over the card, in card units. */
export interface Occlusion {
  readonly x: number;
  readonly y: number;
  readonly rx: number;
  readonly ry: number;
}

export interface ScanConditions {
  readonly rotationDeg: number;
  /** Card centre offset from the frame centre, in frame pixels. */
  readonly shiftX: number;
  readonly shiftY: number;
  /** Frame pixels per card unit. */
  readonly scale: number;
  readonly blurPx: number;
  /** Standard deviation of per-pixel Gaussian noise, in 8-bit levels. */
  readonly noiseSigma: number;
  readonly glare: Glare | null;
  readonly occlusion: Occlusion | null;
  /** Seed of the noise pattern. */
  readonly noiseSeed: number;
}

export const CLEAN_SCAN: ScanConditions = {
  rotationDeg: 0,
  shiftX: 0,
  shiftY: 0,
  scale: 1,
  blurPx: 0,
  noiseSigma: 0,
  glare: null,
  occlusion: null,
  noiseSeed: 1,
};

/**
 * Random capture conditions; `severity` 0–1 scales every defect. A thumb, when present, holds the
 * card by its left edge (where people hold it), so it covers labels but not the fields.
 */
export function randomScanConditions(rng: Rng, severity: number): ScanConditions {
  const s = Math.max(0, Math.min(1, severity));
  return {
    rotationDeg: rng.range(-3, 3) * s,
    shiftX: rng.range(-25, 25) * s,
    shiftY: rng.range(-20, 20) * s,
    scale: 1 + rng.range(-0.06, 0.04) * s,
    blurPx: rng.range(0, 1.2) * s,
    noiseSigma: rng.range(0, 14) * s,
    glare: rng.next() < 0.5 * s ? { x: rng.range(100, 800), y: rng.range(60, 480), radius: rng.range(60, 140), strength: rng.range(0.2, 0.5) } : null,
    occlusion: rng.next() < 0.3 * s ? { x: rng.range(-10, 25), y: rng.range(60, 480), rx: rng.range(30, 50), ry: rng.range(50, 80) } : null,
    noiseSeed: rng.int(1, 2 ** 31),
  };
}
