/**
 * One face through the pipeline: detect → assess → landmarks → align → embed. Owns the ONNX sessions;
 * in the kiosk it lives inside the face worker (face-worker.ts), off the main event loop.
 * Live frames may be matched in greyscale so that they meet the greyscale chip photo on equal
 * terms; docs/face.md has the measurement of both ways.
 */
import { alignFace } from './align.js';
import type { Detection } from './detection.js';
import { createDetector, type Detector } from './detector.js';
import { createEmbedder, DEFAULT_EMBEDDER_ID, type Embedder } from './embedder.js';
import { FACE_ERROR_CODES, faceError } from './error-codes.js';
import { frameToGrey, frameToRgb, type CameraFrame } from './frame.js';
import type { GreyImage, Image } from './image.js';
import { createLandmarker, type Landmarker } from './landmarks.js';
import { defaultManifestPath, loadManifest, type LoadedManifest } from './manifest.js';
import { assessFrame, type FrameQuality } from './quality.js';
import { laplacianVariance } from './sharpness.js';
import type { FloatRgb } from './warp.js';

export type LiveColour = 'grey' | 'colour';

/** Border added around still portraits before detection (dev pairs: TAR at 0.70 55 % → 60 %). */
const STILL_MARGIN = 0.25;

export interface PipelineOptions {
  readonly manifestPath?: string;
  /** Manifest id of the embedder (a setting: "mobilefacenet" by default, "faceapi-resnet" licence-clean). */
  readonly embedderId?: string;
  /** Match live frames in greyscale (default) or colour. */
  readonly liveColour?: LiveColour;
  /** ONNX intra-op threads per session. */
  readonly threads?: number;
}

export interface FrameAnalysis {
  readonly quality: FrameQuality;
  /** Present when the frame was usable. */
  readonly embedding?: Float32Array;
}

export class FacePipeline {
  private farDetector: Promise<Detector | undefined> | undefined;

  private constructor(
    private readonly manifest: LoadedManifest,
    private readonly detector: Detector,
    private readonly landmarker: Landmarker,
    readonly embedder: Embedder,
    readonly liveColour: LiveColour,
    private readonly threads: number | undefined,
  ) {}

  static async create(options: PipelineOptions = {}): Promise<FacePipeline> {
    const manifest = loadManifest(options.manifestPath ?? defaultManifestPath());
    const threads = options.threads;
    const sessionOptions = threads === undefined ? {} : { threads };
    const [detector, landmarker, embedder] = await Promise.all([
      createDetector(manifest, sessionOptions),
      createLandmarker(manifest, sessionOptions),
      createEmbedder(manifest, options.embedderId ?? DEFAULT_EMBEDDER_ID, sessionOptions),
    ]);
    return new FacePipeline(manifest, detector, landmarker, embedder, options.liveColour ?? 'grey', threads);
  }

  /** The chip photo's embedding. Throws E-FACE-008 when it shows no face. */
  async enrolChipPhoto(photo: GreyImage): Promise<Float32Array> {
    const embedding = await this.embedStill(photo);
    if (!embedding) {
      throw faceError(FACE_ERROR_CODES.CHIP_PHOTO_NO_FACE, 'カードの顔写真から顔を検出できません。暗証番号または目視で確認してください', 'No face found in the card photo. Use PIN or visual check');
    }
    return embedding;
  }

  /** Embedding of the largest face in a still image, or undefined when there is none (no quality gate). */
  async embedStill(image: Image): Promise<Float32Array | undefined> {
    const faces = await this.detector.detect(image, STILL_MARGIN);
    const face = largest(faces);
    if (!face) return undefined;
    const [embedding] = await this.embedder.embed([await this.alignedCrop(image, face)]);
    return embedding;
  }

  /** Quality hints for a camera frame, and its embedding when the frame is usable. */
  async analyseFrame(frame: CameraFrame): Promise<FrameAnalysis> {
    const luma = frameToGrey(frame);
    const image: Image = this.liveColour === 'grey' ? luma : frameToRgb(frame);
    return this.analyseImage(image, luma);
  }

  private async analyseImage(image: Image, luma: GreyImage): Promise<FrameAnalysis> {
    let faces = await this.detector.detect(image);
    // The short-range model misses small faces; the full-range one finds them so we can say "come closer".
    if (faces.length === 0) faces = (await (await this.farDetection())?.detect(image)) ?? [];
    const first = assessFrame(luma, faces);
    // Landmarks, alignment and the embedder run only on frames the detector already judged usable.
    if (!first.usable || !first.face) return { quality: first };
    const crop = await this.alignedCrop(image, first.face);
    const quality = assessFrame(luma, faces, laplacianVariance(crop));
    if (!quality.usable) return { quality };
    const [embedding] = await this.embedder.embed([crop]);
    return embedding ? { quality, embedding } : { quality };
  }

  private async alignedCrop(image: Image, face: Detection): Promise<FloatRgb> {
    return alignFace(this.embedder.alignment, image, await this.landmarker.locate(image, face));
  }

  private farDetection(): Promise<Detector | undefined> {
    this.farDetector ??= this.manifest.models.some((m) => m.id === 'blazeface-back-256')
      ? createDetector(this.manifest, { modelId: 'blazeface-back-256', minScore: 0.6, ...(this.threads === undefined ? {} : { threads: this.threads }) })
      : Promise.resolve(undefined);
    return this.farDetector;
  }

  async release(): Promise<void> {
    const far = await this.farDetector;
    await Promise.all([this.detector.release(), this.landmarker.release(), this.embedder.release(), far?.release()]);
  }
}

function largest(faces: readonly Detection[]): Detection | undefined {
  let best: Detection | undefined;
  for (const f of faces) if (!best || f.box.xMax - f.box.xMin > best.box.xMax - best.box.xMin) best = f;
  return best;
}
