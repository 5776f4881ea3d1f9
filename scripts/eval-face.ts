/**
 * Evaluates the face pipeline on a labelled pairs file:
 *   npm run eval:face -- --pairs <csv> --images <dir> [--model <id>] [--live grey|colour] [--frames N]
 * The CSV header is `file_x,file_y,Decision` (Yes = same person). file_x plays the chip photo
 * (always greyscale), file_y the live camera. A pair where either image shows no face counts as
 * a fail-to-enrol and as a rejection (it can never be a false accept, and lowers TAR honestly).
 * With --frames N, each live image is also turned into N simulated camera frames (small shifts,
 * scale, rotation, exposure and sensor noise) to calibrate the multi-frame rule's margin.
 * The last line is the machine-readable summary.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RULE, meanOfTopK } from '../src/main/face/decision.js';
import { FacePipeline, type LiveColour } from '../src/main/face/face-pipeline.js';
import { toGrey, type Image } from '../src/main/face/image.js';
import { readImageFile } from '../src/main/face/image-file.js';
import { areaUnderCurve, equalErrorRate, operatingPoint, quantile, tarAtFar } from '../src/main/face/verification-metrics.js';
import { warpAffine } from '../src/main/face/warp.js';

interface Pair {
  readonly x: string;
  readonly y: string;
  readonly same: boolean;
}

function readPairs(csv: string): Pair[] {
  const [header, ...lines] = readFileSync(csv, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (header?.replace(/\s/g, '') !== 'file_x,file_y,Decision') throw new Error(`${csv}: header must be file_x,file_y,Decision`);
  return lines.map((line, i) => {
    const [x, y, decision] = line.split(',').map((s) => s.trim());
    if (!x || !y || (decision !== 'Yes' && decision !== 'No')) throw new Error(`${csv}:${i + 2}: expected file_x,file_y,Yes|No`);
    return { x, y, same: decision === 'Yes' };
  });
}

/** Deterministic PRNG (mulberry32) so simulated frames are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A camera-like variant of a still: ±3 % scale, ±4° roll, ±3 % shift, ±15 % exposure, noise σ 3. */
function simulateFrame(image: Image, rnd: () => number): Image {
  const u = (): number => rnd() * 2 - 1;
  const scale = 1 + 0.03 * u();
  const angle = (4 * u() * Math.PI) / 180;
  const cx = image.width / 2;
  const cy = image.height / 2;
  const a = scale * Math.cos(angle);
  const c = scale * Math.sin(angle);
  const tx = cx - a * cx + c * cy + 0.03 * image.width * u();
  const ty = cy - c * cx - a * cy + 0.03 * image.height * u();
  const warped = warpAffine(image, { a, b: -c, tx, c, d: a, ty }, image.width, image.height);
  const gain = 1 + 0.15 * u();
  const data = new Uint8Array(image.width * image.height * 3);
  for (let i = 0; i < data.length; i++) {
    const noise = 3 * (rnd() + rnd() + rnd() - 1.5) * 1.41;
    data[i] = Math.max(0, Math.min(255, Math.round(warped.data[i]! * gain + noise)));
  }
  const rgb: Image = { kind: 'rgb', width: image.width, height: image.height, data };
  return image.kind === 'grey' ? toGrey(rgb) : rgb;
}

const fmt = (v: number): string => (Number.isFinite(v) ? v.toFixed(4) : String(v));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pairs: { type: 'string' },
      images: { type: 'string' },
      model: { type: 'string', default: 'mobilefacenet' },
      live: { type: 'string', default: 'grey' },
      frames: { type: 'string', default: '0' },
      manifest: { type: 'string' },
    },
  });
  if (!values.pairs || !values.images) throw new Error('usage: eval:face -- --pairs <csv> --images <dir> [--model <id>] [--live grey|colour] [--frames N]');
  const live = values.live as LiveColour;
  if (live !== 'grey' && live !== 'colour') throw new Error('--live must be grey or colour');
  const frames = Number(values.frames);
  const pairs = readPairs(values.pairs);
  const pipeline = await FacePipeline.create({ embedderId: values.model, liveColour: live, ...(values.manifest ? { manifestPath: values.manifest } : {}) });

  const compare = (a: Float32Array, b: Float32Array): number => pipeline.embedder.compare(a, b);
  const chipEmbeddings = new Map<string, Float32Array | undefined>();
  const liveEmbeddings = new Map<string, Float32Array | undefined>();
  const simulated = new Map<string, (Float32Array | undefined)[]>();
  const files = new Set(pairs.flatMap((p) => [p.x, p.y]));
  let done = 0;
  for (const file of files) {
    const image = await readImageFile(path.join(values.images, file));
    const grey = toGrey(image);
    chipEmbeddings.set(file, await pipeline.embedStill(grey));
    const liveImage = live === 'grey' ? grey : image;
    liveEmbeddings.set(file, await pipeline.embedStill(liveImage));
    if (frames > 0) {
      const rnd = random([...file].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7));
      const list: (Float32Array | undefined)[] = [];
      for (let f = 0; f < frames; f++) list.push(await pipeline.embedStill(simulateFrame(liveImage, rnd)));
      simulated.set(file, list);
    }
    if (++done % 50 === 0) process.stderr.write(`face-eval: embedded ${done}/${files.size} images\n`);
  }

  const genuine: number[] = [];
  const impostor: number[] = [];
  const ruleScores = { genuine: [] as number[], impostor: [] as number[], bestGenuine: [] as number[], bestImpostor: [] as number[] };
  let failToEnrol = 0;
  for (const pair of pairs) {
    const chip = chipEmbeddings.get(pair.x);
    const probe = liveEmbeddings.get(pair.y);
    const score = chip && probe ? compare(chip, probe) : -Infinity;
    if (!chip || !probe) failToEnrol++;
    (pair.same ? genuine : impostor).push(score);
    if (frames > 0) {
      const frameScores = (simulated.get(pair.y) ?? []).flatMap((e) => (chip && e ? [compare(chip, e)] : []));
      const rule = frameScores.length >= DEFAULT_RULE.topK ? meanOfTopK(frameScores, DEFAULT_RULE.topK) : -Infinity;
      const best = frameScores.length > 0 ? Math.max(...frameScores) : -Infinity;
      (pair.same ? ruleScores.genuine : ruleScores.impostor).push(rule);
      (pair.same ? ruleScores.bestGenuine : ruleScores.bestImpostor).push(best);
    }
  }
  await pipeline.release();

  const threshold = pipeline.embedder.threshold;
  const atFar = tarAtFar(genuine, impostor, 1e-3);
  const shipped = operatingPoint(genuine, impostor, threshold);
  console.log(`face-eval: live=${live} pairs=${pairs.length} images=${files.size}`);
  console.log(`face-eval: impostor max=${fmt(Math.max(...impostor))} p99=${fmt(quantile(impostor, 0.99))}; genuine min=${fmt(Math.min(...genuine))} p01=${fmt(quantile(genuine, 0.01))}; threshold for FAR<=1e-3 on these pairs=${fmt(atFar.threshold)}`);
  if (frames > 0) {
    const margin = (scores: number[]): number => quantile(scores, 0.99) - quantile(impostor, 0.99);
    const ruleThreshold = threshold + DEFAULT_RULE.margin;
    const rule = operatingPoint(ruleScores.genuine, ruleScores.impostor, ruleThreshold);
    console.log(
      `face-eval: simulated ${frames} frames per live image; impostor p99 inflation over a single still: ` +
        `mean-of-top-${DEFAULT_RULE.topK}=${fmt(margin(ruleScores.impostor))} best-of-${frames}=${fmt(margin(ruleScores.bestImpostor))}; ` +
        `impostor max: rule=${fmt(Math.max(...ruleScores.impostor))} best=${fmt(Math.max(...ruleScores.bestImpostor))}`,
    );
    console.log(`face-eval: rule top-${DEFAULT_RULE.topK}-of-${frames} at ${fmt(ruleThreshold)} (threshold + margin ${DEFAULT_RULE.margin}): tar=${fmt(rule.tar)} far=${fmt(rule.far)}`);
  }
  console.log(
    `face-eval: model=${pipeline.embedder.id} genuine=${genuine.length} impostor=${impostor.length} fail_to_enrol=${failToEnrol} ` +
      `tar_at_far_1e-3=${fmt(atFar.tar)} eer=${fmt(equalErrorRate(genuine, impostor))} auc=${fmt(areaUnderCurve(genuine, impostor))} ` +
      `threshold=${pipeline.embedder.shipped.value} tar_at_threshold=${fmt(shipped.tar)} far_at_threshold=${fmt(shipped.far)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
