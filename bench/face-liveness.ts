/**
 * Measures the optional FaceAntiSpoofing score: `npx tsx bench/face-liveness.ts`.
 * "Live": 640×480 camera frames of the faces in face-api's demo photos (+ ../shared scenes).
 * "Replayed": the same frames as a camera would see them on a phone screen held up — shrunk into
 * a dark bezel, gamma-lifted, lower contrast, with a screen-door moiré — a crude simulation, not
 * a substitute for real attack photos. The score's separation here is an upper bound at best.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createDetector } from '../src/main/face/detector.js';
import { frameToRgb } from '../src/main/face/frame.js';
import type { RgbImage } from '../src/main/face/image.js';
import { readImageFile } from '../src/main/face/image-file.js';
import { createLivenessScorer } from '../src/main/face/liveness.js';
import { defaultManifestPath, loadManifest } from '../src/main/face/manifest.js';
import { areaUnderCurve, quantile } from '../src/main/face/verification-metrics.js';
import { warpAffine } from '../src/main/face/warp.js';
import { cameraFrame, DEMO_PHOTOS } from '../tests/integration/face/support/scenes.js';

function replayed(frame: RgbImage): RgbImage {
  const shrink = 0.7;
  const { width, height } = frame;
  const screen = warpAffine(frame, { a: shrink, b: 0, tx: (width * (1 - shrink)) / 2, c: 0, d: shrink, ty: (height * (1 - shrink)) / 2 }, width, height);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const inside = screen.data[i]! + screen.data[i + 1]! + screen.data[i + 2]! > 0;
      const moire = 8 * Math.sin(x * 1.9) * Math.sin(y * 1.7);
      for (let c = 0; c < 3; c++) data[i + c] = inside ? Math.min(255, Math.round(40 + 0.75 * 255 * (screen.data[i + c]! / 255) ** 0.8 + moire)) : 20;
    }
  }
  return { kind: 'rgb', width, height, data };
}

async function main(): Promise<void> {
  const shared = path.resolve(import.meta.dirname, '../../shared/data/faces/scenes');
  const photos = [...DEMO_PHOTOS, ...(existsSync(shared) ? readdirSync(shared).filter((f) => f.endsWith('.jpg')).map((f) => path.join(shared, f)) : [])];
  const manifest = loadManifest(defaultManifestPath());
  const detector = await createDetector(manifest);
  const scorer = await createLivenessScorer(manifest);
  const live: number[] = [];
  const replay: number[] = [];
  for (const file of photos) {
    const image = await readImageFile(file);
    const face = (await detector.detect(image))[0];
    if (!face) continue;
    const frame = frameToRgb(cameraFrame(image, face));
    for (const [scores, view] of [[live, frame], [replay, replayed(frame)]] as const) {
      const seen = (await detector.detect(view))[0];
      if (seen) scores.push(await scorer.score(view, seen));
    }
  }
  await Promise.all([detector.release(), scorer.release()]);
  const fmt = (v: number): string => v.toFixed(4);
  console.log(`face-liveness: live n=${live.length} median=${fmt(quantile(live, 0.5))} p05=${fmt(quantile(live, 0.05))} p95=${fmt(quantile(live, 0.95))}`);
  console.log(`face-liveness: replayed n=${replay.length} median=${fmt(quantile(replay, 0.5))} p05=${fmt(quantile(replay, 0.05))} p95=${fmt(quantile(replay, 0.95))}`);
  console.log(`face-liveness: auc(replayed scores higher)=${fmt(areaUnderCurve(replay, live))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
