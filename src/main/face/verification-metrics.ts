/**
 * Verification metrics over genuine and impostor scores (higher = more alike): the numbers the
 * evaluation tool prints and the threshold calibration reads. Pure functions, so the arithmetic
 * is unit-tested apart from any model.
 */

export interface OperatingPoint {
  /** Share of genuine scores ≥ threshold. */
  readonly tar: number;
  /** Share of impostor scores ≥ threshold. */
  readonly far: number;
}

function shareAtOrAbove(scores: readonly number[], threshold: number): number {
  if (scores.length === 0) return 0;
  let n = 0;
  for (const s of scores) if (s >= threshold) n++;
  return n / scores.length;
}

export function operatingPoint(genuine: readonly number[], impostor: readonly number[], threshold: number): OperatingPoint {
  return { tar: shareAtOrAbove(genuine, threshold), far: shareAtOrAbove(impostor, threshold) };
}

/**
 * The lowest threshold whose FAR ≤ maxFar, and the TAR there. With few impostor pairs this is
 * "above every impostor but floor(maxFar · n)": 700 pairs at 1e-3 means no false accept at all.
 */
export function tarAtFar(genuine: readonly number[], impostor: readonly number[], maxFar: number): { threshold: number; tar: number } {
  const sorted = [...impostor].sort((a, b) => b - a);
  const allowed = Math.floor(maxFar * sorted.length);
  const threshold = allowed < sorted.length ? nextUp(sorted[allowed]!) : -Infinity;
  return { threshold, tar: shareAtOrAbove(genuine, threshold) };
}

/** Smallest float64 above x, so that "≥ threshold" excludes x itself. */
function nextUp(x: number): number {
  if (!Number.isFinite(x)) return x;
  return x + Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);
}

/** Equal error rate: where FAR and FRR cross, over all observed thresholds. */
export function equalErrorRate(genuine: readonly number[], impostor: readonly number[]): number {
  const thresholds = [...new Set([...genuine, ...impostor])].sort((a, b) => a - b);
  let best = { gap: Infinity, eer: 1 };
  for (const t of thresholds) {
    const { tar, far } = operatingPoint(genuine, impostor, t);
    const frr = 1 - tar;
    const gap = Math.abs(far - frr);
    if (gap < best.gap) best = { gap, eer: (far + frr) / 2 };
  }
  return best.eer;
}

/** Area under the ROC curve: the chance a genuine pair outscores an impostor pair (ties count ½). */
export function areaUnderCurve(genuine: readonly number[], impostor: readonly number[]): number {
  if (genuine.length === 0 || impostor.length === 0) return NaN;
  const imp = [...impostor].sort((a, b) => a - b);
  let wins = 0;
  for (const g of genuine) {
    let equal = 0;
    // Binary search for the count of impostors below g and equal to g.
    let lo = 0;
    let hi = imp.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (imp[mid]! < g) lo = mid + 1;
      else hi = mid;
    }
    const below = lo;
    while (lo + equal < imp.length && imp[lo + equal] === g) equal++;
    wins += below + equal / 2;
  }
  return wins / (genuine.length * imp.length);
}

/** The q-quantile (0–1) by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
