/**
 * Least-squares similarity transform between point sets (Umeyama 1991), the alignment step that
 * puts a detected face onto an embedder's canonical crop. In 2-D the SVD of Umeyama's method
 * reduces to a closed form: with centred points p (source) and q (target),
 * s·cos θ = Σ(p·q) / Σ|p|² and s·sin θ = Σ(p × q) / Σ|p|². No reflection is ever produced.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** x' = a·x + b·y + tx, y' = c·x + d·y + ty. */
export interface Affine {
  readonly a: number;
  readonly b: number;
  readonly tx: number;
  readonly c: number;
  readonly d: number;
  readonly ty: number;
}

function centroid(points: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}

/** The similarity (rotation, uniform scale, translation) mapping `from` onto `to` best in least squares. */
export function fitSimilarity(from: readonly Point[], to: readonly Point[]): Affine {
  if (from.length !== to.length || from.length < 2) throw new RangeError('fitSimilarity needs ≥ 2 paired points');
  const mf = centroid(from);
  const mt = centroid(to);
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (let i = 0; i < from.length; i++) {
    const px = from[i]!.x - mf.x;
    const py = from[i]!.y - mf.y;
    const qx = to[i]!.x - mt.x;
    const qy = to[i]!.y - mt.y;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (!(norm > 1e-12)) throw new RangeError('fitSimilarity: source points coincide');
  const sc = dot / norm;
  const ss = cross / norm;
  return { a: sc, b: -ss, c: ss, d: sc, tx: mt.x - (sc * mf.x - ss * mf.y), ty: mt.y - (ss * mf.x + sc * mf.y) };
}

export function applyAffine(m: Affine, p: Point): Point {
  return { x: m.a * p.x + m.b * p.y + m.tx, y: m.c * p.x + m.d * p.y + m.ty };
}

export function invertAffine(m: Affine): Affine {
  const det = m.a * m.d - m.b * m.c;
  if (!(Math.abs(det) > 1e-12)) throw new RangeError('invertAffine: singular transform');
  const a = m.d / det;
  const b = -m.b / det;
  const c = -m.c / det;
  const d = m.a / det;
  return { a, b, c, d, tx: -(a * m.tx + b * m.ty), ty: -(c * m.tx + d * m.ty) };
}

/** Uniform scale factor of a similarity (for other affines, the geometric mean of the axes). */
export function scaleOf(m: Affine): number {
  return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
}
