import { describe, expect, it } from 'vitest';
import { assessFrame, QUALITY_LIMITS } from '../../../src/main/face/quality.js';
import { laplacianVariance } from '../../../src/main/face/sharpness.js';
import type { FloatRgb } from '../../../src/main/face/warp.js';
import { flatGrey, frontalFace, paint } from './support/synthetic.js';

const W = 640;
const H = 480;
/** A well-lit, centred face 200 px wide on a mid-grey background. */
const scene = paint(flatGrey(W, H, 120), 220, 140, 420, 340, 140);
const good = frontalFace(320, 240, 200);

describe('quality hints', () => {
  it('a centred, frontal, well-lit face has no hints and is usable', () => {
    const q = assessFrame(scene, [good], 300);
    expect(q.hints).toEqual([]);
    expect(q.usable).toBe(true);
  });

  it('no-face when nothing is detected', () => {
    expect(assessFrame(scene, [])).toEqual({ hints: ['no-face'], usable: false });
  });

  it('multiple-faces for a second face of similar size, not for a small one far behind', () => {
    expect(assessFrame(scene, [good, frontalFace(560, 240, 150)]).hints).toContain('multiple-faces');
    expect(assessFrame(scene, [good, frontalFace(560, 100, 60)]).hints).not.toContain('multiple-faces');
  });

  it('too-far and too-close from the face width', () => {
    expect(assessFrame(scene, [frontalFace(320, 240, 60)]).hints).toContain('too-far');
    expect(assessFrame(scene, [frontalFace(320, 240, 450)]).hints).toContain('too-close');
  });

  it('off-centre is advisory: the frame stays usable', () => {
    const q = assessFrame(paint(flatGrey(W, H, 120), 380, 140, 580, 340, 140), [frontalFace(480, 240, 200)], 300);
    expect(q.hints).toEqual(['off-centre']);
    expect(q.usable).toBe(true);
  });

  it('too-dark when the face is dark', () => {
    expect(assessFrame(flatGrey(W, H, 30), [good]).hints).toContain('too-dark');
  });

  it('backlight when the background is much brighter than the face', () => {
    const backlit = paint(flatGrey(W, H, 235), 220, 140, 420, 340, 90);
    const q = assessFrame(backlit, [good]);
    expect(q.hints).toContain('backlight');
    expect(q.usable).toBe(false);
  });

  it('overexposed when the face is clipped white', () => {
    expect(assessFrame(paint(scene, 220, 140, 420, 340, 255), [good]).hints).toContain('overexposed');
  });

  it('face-turned when the nose is off the eye midline', () => {
    expect(assessFrame(scene, [frontalFace(320, 240, 200, { yawShift: 0.15 })]).hints).toContain('face-turned');
  });

  it('blurred below the sharpness limit', () => {
    expect(assessFrame(scene, [good], QUALITY_LIMITS.minSharpness - 1).hints).toContain('blurred');
  });
});

describe('sharpness', () => {
  const crop = (f: (x: number, y: number) => number): FloatRgb => {
    const data = new Float32Array(112 * 112 * 3);
    for (let y = 0; y < 112; y++) for (let x = 0; x < 112; x++) data.fill(f(x, y), (y * 112 + x) * 3, (y * 112 + x) * 3 + 3);
    return { width: 112, height: 112, data };
  };

  it('is zero for a flat crop, high for fine detail, and falls with smoothing', () => {
    const checker = laplacianVariance(crop((x, y) => ((x >> 1) + (y >> 1)) % 2 ? 200 : 50));
    const smooth = laplacianVariance(crop((x) => 128 + 60 * Math.sin(x / 8)));
    expect(laplacianVariance(crop(() => 128))).toBe(0);
    expect(checker).toBeGreaterThan(QUALITY_LIMITS.minSharpness);
    expect(smooth).toBeLessThan(QUALITY_LIMITS.minSharpness);
  });
});
