/**
 * BlazeFace face detector (MediaPipe, ONNX as shipped): letterbox the image into the square
 * network input, decode the 896 anchors' regressors, sigmoid the scores, blend overlapping hits.
 * Boxes and keypoints come back in the caller's pixel coordinates.
 */
import { BLAZEFACE_ANCHOR_COUNT, blazefaceAnchors } from './blazeface-anchors.js';
import type { Detection } from './detection.js';
import type { Image } from './image.js';
import { pickModel, type LoadedManifest } from './manifest.js';
import { suppress, type NmsMode } from './nms.js';
import { openModel, type ModelSession, type SessionOptions } from './onnx-session.js';
import { fillTensor, parsePreprocess, type Normalisation } from './preprocess.js';
import { applyAffine, invertAffine, type Affine } from './similarity.js';
import { boxDownscale, warpAffine } from './warp.js';
import { inputBuffer, inputSide } from './input-tensor.js';

export interface DetectorOptions extends SessionOptions {
  /** Manifest id of the detector; the short-range front model suits a kiosk's arm's-length faces. */
  readonly modelId?: string;
  /** Faces scoring below this are ignored (MediaPipe's own default is 0.5). */
  readonly minScore?: number;
  readonly nms?: NmsMode;
}

export interface Detector {
  /**
   * Faces in `image`, best first. `margin` adds a black border of that fraction of the image's
   * longer side around it first: on tightly framed portraits (the chip photo) the face otherwise
   * fills the whole input and the keypoints get worse.
   */
  detect(image: Image, margin?: number): Promise<Detection[]>;
  release(): Promise<void>;
}

const IOU_THRESHOLD = 0.3;
const REGRESSOR_WIDTH = 16;

export async function createDetector(manifest: LoadedManifest, options: DetectorOptions = {}): Promise<Detector> {
  const model = await openModel(manifest, pickModel(manifest, 'detector', options.modelId ?? 'blazeface-front-128'), options);
  return new BlazeFace(model, options);
}

class BlazeFace implements Detector {
  private readonly anchors = blazefaceAnchors();
  private readonly size: number;
  private readonly norm: Normalisation;
  private readonly input: Float32Array;

  constructor(
    private readonly model: ModelSession,
    private readonly options: DetectorOptions,
  ) {
    this.size = inputSide(model.entry.io);
    this.norm = parsePreprocess(model.entry.io.preprocess);
    this.input = inputBuffer(model.entry.io);
  }

  async detect(image: Image, margin = 0): Promise<Detection[]> {
    const toInput = this.letterbox(image, margin);
    const outputs = await this.model.run(this.input);
    const { scores, regressors } = splitOutputs(outputs);
    const raw = this.decode(scores, regressors, this.options.minScore ?? 0.5);
    const fromInput = invertAffine(toInput);
    return suppress(raw, IOU_THRESHOLD, this.options.nms ?? 'weighted').map((d) => {
      const a = applyAffine(fromInput, { x: d.box.xMin, y: d.box.yMin });
      const b = applyAffine(fromInput, { x: d.box.xMax, y: d.box.yMax });
      return {
        score: d.score,
        box: { xMin: a.x, yMin: a.y, xMax: b.x, yMax: b.y },
        keypoints: d.keypoints.map((p) => applyAffine(fromInput, p)),
      };
    });
  }

  /** Fills the input tensor; returns the transform from image pixels to network-input pixels. */
  private letterbox(image: Image, margin: number): Affine {
    // Integer box-averaging first (cheap, anti-aliased), then one bilinear pass to the exact size.
    const k = Math.max(1, Math.floor(Math.max(image.width, image.height) / this.size));
    const small = boxDownscale(image, k);
    const scale = this.size / (Math.max(small.width, small.height) * (1 + 2 * margin));
    const offsetX = (this.size - small.width * scale) / 2;
    const offsetY = (this.size - small.height * scale) / 2;
    // Pixel centres: small pixel i covers image pixels [ik, ik + k), centred at ik + (k − 1) / 2.
    const toSmall: Affine = { a: 1 / k, b: 0, tx: -(k - 1) / (2 * k), c: 0, d: 1 / k, ty: -(k - 1) / (2 * k) };
    const smallToInput: Affine = { a: scale, b: 0, tx: offsetX + (scale - 1) / 2, c: 0, d: scale, ty: offsetY + (scale - 1) / 2 };
    const warped = warpAffine(small, smallToInput, this.size, this.size);
    fillTensor(warped, this.norm, this.model.entry.io.layout, this.input);
    return {
      a: toSmall.a * scale,
      b: 0,
      tx: toSmall.tx * scale + smallToInput.tx,
      c: 0,
      d: toSmall.d * scale,
      ty: toSmall.ty * scale + smallToInput.ty,
    };
  }

  /** Anchor-relative regressors → detections in network-input pixel coordinates. */
  private decode(scores: Float32Array, regressors: Float32Array, minScore: number): Detection[] {
    const s = this.size;
    const found: Detection[] = [];
    for (let i = 0; i < BLAZEFACE_ANCHOR_COUNT; i++) {
      const logit = Math.max(-100, Math.min(100, scores[i]!));
      const score = 1 / (1 + Math.exp(-logit));
      if (score < minScore) continue;
      const anchor = this.anchors[i]!;
      const r = i * REGRESSOR_WIDTH;
      // Normalised [0,1] → input pixel coordinates with pixel centres at integers.
      const px = (v: number): number => v * s - 0.5;
      const cx = anchor.x + regressors[r]! / s;
      const cy = anchor.y + regressors[r + 1]! / s;
      const w = regressors[r + 2]! / s;
      const h = regressors[r + 3]! / s;
      const keypoints = [];
      for (let k = 0; k < 6; k++) {
        keypoints.push({ x: px(anchor.x + regressors[r + 4 + 2 * k]! / s), y: px(anchor.y + regressors[r + 5 + 2 * k]! / s) });
      }
      found.push({ score, box: { xMin: px(cx - w / 2), yMin: px(cy - h / 2), xMax: px(cx + w / 2), yMax: px(cy + h / 2) }, keypoints });
    }
    return found;
  }

  release(): Promise<void> {
    return this.model.release();
  }
}

/**
 * Concatenates the two heads in anchor order (16×16 grid first). Heads are told apart by shape
 * (scores end in 1, regressors in 16) and ordered by size, so output names do not matter.
 */
function splitOutputs(outputs: Record<string, Float32Array>): { scores: Float32Array; regressors: Float32Array } {
  const heads = Object.values(outputs);
  const scoreHeads = heads.filter((h) => h.length === 512 || h.length === 384).sort((p, q) => q.length - p.length);
  const regressorHeads = heads.filter((h) => h.length === 512 * REGRESSOR_WIDTH || h.length === 384 * REGRESSOR_WIDTH).sort((p, q) => q.length - p.length);
  if (scoreHeads.length !== 2 || regressorHeads.length !== 2) throw new RangeError('BlazeFace outputs are not the expected 2 score and 2 regressor heads');
  const scores = new Float32Array(BLAZEFACE_ANCHOR_COUNT);
  scores.set(scoreHeads[0]!, 0);
  scores.set(scoreHeads[1]!, scoreHeads[0]!.length);
  const regressors = new Float32Array(BLAZEFACE_ANCHOR_COUNT * REGRESSOR_WIDTH);
  regressors.set(regressorHeads[0]!, 0);
  regressors.set(regressorHeads[1]!, regressorHeads[0]!.length);
  return { scores, regressors };
}
