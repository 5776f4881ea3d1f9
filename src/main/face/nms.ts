/**
 * Non-maximum suppression over raw anchor detections. BlazeFace fires on several neighbouring
 * anchors per face; MediaPipe blends them ("weighted" NMS), which steadies the keypoints from
 * frame to frame — and steadier keypoints mean steadier alignment and embeddings.
 */
import { intersectionOverUnion, type Detection } from './detection.js';

export type NmsMode = 'weighted' | 'plain';

export function suppress(candidates: readonly Detection[], iouThreshold: number, mode: NmsMode = 'weighted'): Detection[] {
  const remaining = [...candidates].sort((p, q) => q.score - p.score);
  const kept: Detection[] = [];
  while (remaining.length > 0) {
    const top = remaining[0]!;
    const cluster: Detection[] = [];
    const rest: Detection[] = [];
    for (const d of remaining) (intersectionOverUnion(top.box, d.box) > iouThreshold || d === top ? cluster : rest).push(d);
    kept.push(mode === 'plain' ? top : blend(top, cluster));
    remaining.splice(0, remaining.length, ...rest);
  }
  return kept;
}

/** Score-weighted mean of box and keypoints; the score stays the best one's. */
function blend(top: Detection, cluster: readonly Detection[]): Detection {
  let total = 0;
  let xMin = 0;
  let yMin = 0;
  let xMax = 0;
  let yMax = 0;
  const points = top.keypoints.map(() => ({ x: 0, y: 0 }));
  for (const d of cluster) {
    const w = d.score;
    total += w;
    xMin += d.box.xMin * w;
    yMin += d.box.yMin * w;
    xMax += d.box.xMax * w;
    yMax += d.box.yMax * w;
    d.keypoints.forEach((p, i) => {
      points[i]!.x += p.x * w;
      points[i]!.y += p.y * w;
    });
  }
  return {
    score: top.score,
    box: { xMin: xMin / total, yMin: yMin / total, xMax: xMax / total, yMax: yMax / total },
    keypoints: points.map((p) => ({ x: p.x / total, y: p.y / total })),
  };
}
