/**
 * DB (Differentiable Binarization) post-processing of the PP-OCR detector's probability map:
 * threshold, connected regions, one oriented rectangle per region, expanded ("unclipped") because
 * the detector is trained to mark a shrunk text kernel.
 */

/** A text region as an oriented rectangle, in the coordinates of the map it was found in. */
export interface TextBox {
  readonly cx: number;
  readonly cy: number;
  /** Along the text direction. */
  readonly width: number;
  readonly height: number;
  /** Radians, counter-clockwise from the image x axis (y pointing down). */
  readonly angle: number;
  /** Mean detector probability inside the region. */
  readonly score: number;
}

export interface DbOptions {
  /** Pixel probability above which a pixel is text. */
  readonly pixelThreshold: number;
  /** Mean probability a region needs to count as text. */
  readonly boxThreshold: number;
  /** How far to expand the kernel: PaddleOCR's unclip_ratio. */
  readonly unclipRatio: number;
  readonly minPixels: number;
}

export const DEFAULT_DB_OPTIONS: DbOptions = { pixelThreshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.6, minPixels: 12 };

/** Regions this much longer than high give a reliable text direction. */
const ELONGATED = 2.5;

export function boxesFromProbabilityMap(prob: Float32Array, width: number, height: number, options: DbOptions = DEFAULT_DB_OPTIONS): TextBox[] {
  if (prob.length !== width * height) throw new RangeError(`probability map is ${prob.length} values, expected ${width}×${height}`);
  const regions = connectedRegions(prob, width, height, options.pixelThreshold).filter((r) => r.length >= options.minPixels);
  // Text on a rigid card shares one direction: take it from the long regions and apply it to all,
  // so short regions (a lone digit group, 「女」) are not cut at a random angle.
  const angles = regions.map((r) => principalAxis(r, width)).filter((a) => a.elongation >= ELONGATED).map((a) => a.angle);
  const angle = median(angles) ?? 0;
  const boxes: TextBox[] = [];
  for (const region of regions) {
    let sum = 0;
    for (const i of region) sum += prob[i] ?? 0;
    const score = sum / region.length;
    if (score < options.boxThreshold) continue;
    const box = orientedBox(region, width, angle, score, options.unclipRatio);
    if (box) boxes.push(box);
  }
  return boxes;
}

/** 8-connected regions of pixels above the threshold, each as a list of pixel indices. */
function connectedRegions(prob: Float32Array, width: number, height: number, threshold: number): number[][] {
  const seen = new Uint8Array(width * height);
  const regions: number[][] = [];
  const stack: number[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (seen[start] || (prob[start] ?? 0) <= threshold) continue;
    const region: number[] = [];
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      region.push(i);
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (!seen[j] && (prob[j] ?? 0) > threshold) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    regions.push(region);
  }
  return regions;
}

function principalAxis(region: readonly number[], width: number): { angle: number; elongation: number } {
  let mx = 0;
  let my = 0;
  for (const i of region) {
    mx += i % width;
    my += Math.floor(i / width);
  }
  mx /= region.length;
  my /= region.length;
  let cxx = 0;
  let cyy = 0;
  let cxy = 0;
  for (const i of region) {
    const dx = (i % width) - mx;
    const dy = Math.floor(i / width) - my;
    cxx += dx * dx;
    cyy += dy * dy;
    cxy += dx * dy;
  }
  const angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
  const spread = Math.sqrt((cxx - cyy) ** 2 + 4 * cxy * cxy);
  const major = (cxx + cyy + spread) / 2;
  const minor = Math.max((cxx + cyy - spread) / 2, 1e-6);
  return { angle, elongation: Math.sqrt(major / minor) };
}

function orientedBox(region: readonly number[], width: number, angle: number, score: number, unclipRatio: number): TextBox | null {
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (const i of region) {
    const x = i % width;
    const y = Math.floor(i / width);
    const u = x * ux + y * uy;
    const v = -x * uy + y * ux;
    if (u < minU) minU = u;
    if (u > maxU) maxU = u;
    if (v < minV) minV = v;
    if (v > maxV) maxV = v;
  }
  const w = maxU - minU + 1;
  const h = maxV - minV + 1;
  if (Math.min(w, h) < 2) return null;
  // Offset the polygon outward by area × ratio / perimeter, as PaddleOCR's unclip does.
  const d = (w * h * unclipRatio) / (2 * (w + h));
  const cu = (minU + maxU) / 2;
  const cv = (minV + maxV) / 2;
  return { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, width: w + 2 * d, height: h + 2 * d, angle, score };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}
