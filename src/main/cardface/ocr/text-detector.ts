/** Text detection (PP-OCRv4 det, DB head) on a whole card-front frame. */
import ort from 'onnxruntime-node';
import type { CardFaceImage } from '../image.js';
import { boxesFromProbabilityMap, type DbOptions, DEFAULT_DB_OPTIONS, type TextBox } from './db-postprocess.js';
import { detectorInput } from './sampling.js';

export class TextDetector {
  private constructor(
    private readonly session: ort.InferenceSession,
    /** Longest side the frame is resized to: card text stays ≥ 12 px high at 512. */
    private readonly maxSide: number,
    private readonly options: DbOptions,
  ) {}

  static async load(modelPath: string, maxSide = 512, options: DbOptions = DEFAULT_DB_OPTIONS): Promise<TextDetector> {
    const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 2, graphOptimizationLevel: 'all' });
    return new TextDetector(session, maxSide, options);
  }

  /** Text boxes in frame pixel coordinates. */
  async detect(image: CardFaceImage): Promise<TextBox[]> {
    const scale = Math.min(1, this.maxSide / Math.max(image.width, image.height));
    const width = Math.max(32, Math.round((image.width * scale) / 32) * 32);
    const height = Math.max(32, Math.round((image.height * scale) / 32) * 32);
    const input = new ort.Tensor('float32', detectorInput(image, width, height), [1, 3, height, width]);
    const output = await this.session.run({ [this.session.inputNames[0] as string]: input });
    const map = output[this.session.outputNames[0] as string];
    if (!map) throw new Error('detector returned no output');
    const sx = image.width / width;
    const sy = image.height / height;
    return boxesFromProbabilityMap(map.data as Float32Array, width, height, this.options).map((b) => ({
      ...b,
      // Map centres are pixel indices; +0.5 puts them on pixel centres before scaling back.
      cx: (b.cx + 0.5) * sx - 0.5,
      cy: (b.cy + 0.5) * sy - 0.5,
      width: b.width * sx,
      height: b.height * sy,
    }));
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
