/**
 * Optional presentation-attack score (なりすまし検知) from the FaceAntiSpoofing model that ships
 * beside MobileFaceNet: score = Σ |leaf scores| · leaf mask. Not part of the decision: its
 * direction and threshold are unmeasured on real printed photos or screens (see docs/face.md),
 * and no liveness claim is made without such numbers. bench/face-liveness.ts measures it.
 */
import type { Detection } from './detection.js';
import type { Image } from './image.js';
import { pickModel, type LoadedManifest } from './manifest.js';
import { openModel, type ModelSession, type SessionOptions } from './onnx-session.js';
import { fillTensor, parsePreprocess } from './preprocess.js';
import { warpAffine } from './warp.js';
import { inputBuffer, inputSide } from './input-tensor.js';

export interface LivenessScorer {
  score(image: Image, face: Detection): Promise<number>;
  release(): Promise<void>;
}

/** The face box, squared and widened by this factor, is what the model sees. */
const CROP_EXPANSION = 1.2;

export async function createLivenessScorer(manifest: LoadedManifest, options: SessionOptions = {}): Promise<LivenessScorer> {
  const model = await openModel(manifest, pickModel(manifest, 'liveness'), options);
  return new AntiSpoofing(model);
}

class AntiSpoofing implements LivenessScorer {
  private readonly size: number;
  private readonly input: Float32Array;

  constructor(private readonly model: ModelSession) {
    this.size = inputSide(model.entry.io);
    this.input = inputBuffer(model.entry.io);
  }

  async score(image: Image, face: Detection): Promise<number> {
    const side = Math.max(face.box.xMax - face.box.xMin, face.box.yMax - face.box.yMin) * CROP_EXPANSION;
    const cx = (face.box.xMin + face.box.xMax) / 2;
    const cy = (face.box.yMin + face.box.yMax) / 2;
    const scale = this.size / side;
    const crop = warpAffine(image, { a: scale, b: 0, tx: this.size / 2 - scale * cx, c: 0, d: scale, ty: this.size / 2 - scale * cy }, this.size, this.size);
    fillTensor(crop, parsePreprocess(this.model.entry.io.preprocess), this.model.entry.io.layout, this.input);
    const outputs = await this.model.run(this.input);
    const leaves = outputs[this.model.entry.io.outputs[0]!.name];
    const mask = outputs[this.model.entry.io.outputs[1]!.name];
    if (!leaves || !mask || leaves.length !== mask.length) throw new RangeError('antispoof outputs are not two equal-length vectors');
    let sum = 0;
    for (let i = 0; i < leaves.length; i++) sum += Math.abs(leaves[i]!) * mask[i]!;
    return sum;
  }

  release(): Promise<void> {
    return this.model.release();
  }
}
