/**
 * Face pipeline benchmark: `npm run bench:face`.
 * Frames: 640×480 I420 camera frames made from the face photos @vladmandic/face-api ships, plus
 * ../shared/data/faces when present. Ours: detect + assess + align + embed on the main thread
 * (onnxruntime-node, 1 intra-op thread per session). Peer, same process, same frames: face-api.js's own
 * pipeline (SSD MobileNet → 68 landmarks → descriptor) on the tfjs WASM backend. Decision:
 * the worker-thread matcher fed at 30 fps, from the first frame pushed to the answer.
 * Prints medians; the last line is machine-readable.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createDetector } from '../src/main/face/detector.js';
import { FacePipeline } from '../src/main/face/face-pipeline.js';
import { frameToRgb, type I420Frame } from '../src/main/face/frame.js';
import { readImageFile } from '../src/main/face/image-file.js';
import { decodeChipPhoto } from '../src/main/face/jp2-decode.js';
import { loadManifest, defaultManifestPath } from '../src/main/face/manifest.js';
import { createFaceMatcher } from '../src/main/face/matcher.js';
import { quantile } from '../src/main/face/verification-metrics.js';
import { cameraFrame, chipPhoto, DEMO_PHOTOS } from '../tests/integration/face/support/scenes.js';

const require = createRequire(import.meta.url);
const SHARED_SCENES = path.resolve(import.meta.dirname, '../../shared/data/faces/scenes');
const ROUNDS = 5;
/** face-api takes ~0.5 s a frame; two rounds give enough samples for a median. */
const PEER_ROUNDS = 2;

interface FaceApi {
  tf: { tensor3d(data: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void } };
  nets: Record<'ssdMobilenetv1' | 'faceLandmark68Net' | 'faceRecognitionNet', { loadFromDisk(dir: string): Promise<void> }>;
  SsdMobilenetv1Options: new (o: { minConfidence: number }) => unknown;
  detectSingleFace(input: unknown, options: unknown): { withFaceLandmarks(): { withFaceDescriptor(): Promise<unknown> } };
}

async function loadFaceApi(): Promise<FaceApi> {
  const tf = require('@tensorflow/tfjs') as { setBackend(b: string): Promise<boolean>; ready(): Promise<void> };
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(p: string): void };
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  wasm.setWasmPaths(`${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
  await tf.setBackend('wasm');
  await tf.ready();
  const dir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  for (const net of ['ssdMobilenetv1', 'faceLandmark68Net', 'faceRecognitionNet'] as const) await faceapi.nets[net].loadFromDisk(dir);
  return faceapi;
}

/**
 * Greyscale chip photo against the live frame in grey (default) or in colour: the score of the
 * face against its own photo (an upper bound for a genuine pair) and against the other photos.
 */
async function compareLiveColour(scenes: readonly { frame: I420Frame; chip: Uint8Array }[]): Promise<void> {
  for (const liveColour of ['grey', 'colour'] as const) {
    const pipeline = await FacePipeline.create({ liveColour });
    const chips: Float32Array[] = [];
    const live: (Float32Array | undefined)[] = [];
    for (const { frame, chip } of scenes) {
      chips.push(await pipeline.enrolChipPhoto(await decodeChipPhoto(chip)));
      live.push((await pipeline.analyseFrame(frame)).embedding);
    }
    const same: number[] = [];
    const different: number[] = [];
    live.forEach((probe, j) => {
      if (probe) chips.forEach((c, i) => (i === j ? same : different).push(pipeline.embedder.compare(c, probe)));
    });
    // Other photos may show the same person (the shared scenes repeat actors): not an impostor count.
    console.log(`face-bench: live=${liveColour} same-photo median=${median(same).toFixed(4)} min=${Math.min(...same).toFixed(4)}; other-photo max=${Math.max(...different).toFixed(4)} p99=${quantile(different, 0.99).toFixed(4)} (${same.length} faces)`);
    await pipeline.release();
  }
}

function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

async function main(): Promise<void> {
  const photos = [...DEMO_PHOTOS];
  if (existsSync(SHARED_SCENES)) photos.push(...readdirSync(SHARED_SCENES).filter((f) => f.endsWith('.jpg')).map((f) => path.join(SHARED_SCENES, f)));
  const manifest = loadManifest(defaultManifestPath());
  const detector = await createDetector(manifest);
  const scenes: { frame: I420Frame; chip: Uint8Array }[] = [];
  for (const file of photos) {
    const image = await readImageFile(file);
    const face = (await detector.detect(image))[0] ?? (await (await createDetector(manifest, { modelId: 'blazeface-back-256' })).detect(image))[0];
    if (face) scenes.push({ frame: cameraFrame(image, face), chip: await chipPhoto(image, face) });
  }
  await detector.release();
  console.log(`face-bench: ${scenes.length} frames (640×480 I420) from ${photos.length} photos`);

  const pipeline = await FacePipeline.create();
  const faceapi = await loadFaceApi();
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
  const runPeer = async (frame: I420Frame): Promise<number> => {
    const rgb = frameToRgb(frame);
    const tensor = faceapi.tf.tensor3d(rgb.data, [rgb.height, rgb.width, 3], 'int32');
    const t0 = performance.now();
    await faceapi.detectSingleFace(tensor, options).withFaceLandmarks().withFaceDescriptor();
    const ms = performance.now() - t0;
    tensor.dispose();
    return ms;
  };
  // Warm-up: ONNX Runtime allocates, tfjs compiles its WASM kernels.
  for (const { frame } of scenes) {
    await pipeline.analyseFrame(frame);
    await runPeer(frame);
  }
  // Interleaved per frame, so that load from other processes hits both pipelines alike.
  const ours: number[] = [];
  const peer: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const { frame } of scenes) {
      const t0 = performance.now();
      await pipeline.analyseFrame(frame);
      ours.push(performance.now() - t0);
      if (r < PEER_ROUNDS) peer.push(await runPeer(frame));
    }
  }
  await pipeline.release();
  await compareLiveColour(scenes);

  const matcher = await createFaceMatcher();
  const decisions: number[] = [];
  for (const { frame, chip } of scenes.slice(0, 6)) {
    await matcher.startSession(chip);
    const t0 = performance.now();
    let done = false;
    const result = matcher.result.then((res) => ((done = true), res));
    while (!done) {
      matcher.pushFrame({ ...frame, data: frame.data.slice() });
      await new Promise((res) => setTimeout(res, 33)); // a 30 fps camera
    }
    const res = await result;
    if (res.outcome !== 'cannot-judge') decisions.push(performance.now() - t0);
  }
  await matcher.close();

  const p50 = median(ours);
  const fa = median(peer);
  console.log(`face-bench: load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores (medians scale with it; the ratio is measured interleaved)`);
  console.log(`face-bench: ours ${ours.length} runs, face-api.js ${peer.length} runs, decisions ${decisions.length}`);
  console.log(
    `face-bench: frame_p50_ms=${p50.toFixed(1)} frame_p95_ms=${quantile(ours, 0.95).toFixed(1)} faceapi_p50_ms=${fa.toFixed(1)} speedup=${(fa / p50).toFixed(1)} decision_p50_ms=${median(decisions).toFixed(0)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
