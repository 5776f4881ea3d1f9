/**
 * Focus measure: variance of the Laplacian over an aligned face crop. Measured on the crop (fixed
 * size, face-filling) rather than the frame, so the number does not depend on how far away the
 * patient stands or on the background's texture.
 */
import type { FloatRgb } from './warp.js';

export function laplacianVariance(crop: FloatRgb): number {
  const { width, height, data } = crop;
  const luma = (x: number, y: number): number => {
    const i = (y * width + x) * 3;
    return 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
  };
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  // Skip a border: the warp clamps at image edges, which would read as false sharpness or blur.
  const margin = Math.round(width * 0.15);
  for (let y = margin; y < height - margin; y++) {
    for (let x = margin; x < width - margin; x++) {
      const v = 4 * luma(x, y) - luma(x - 1, y) - luma(x + 1, y) - luma(x, y - 1) - luma(x, y + 1);
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  return n > 0 ? sumSq / n - (sum / n) ** 2 : 0;
}
