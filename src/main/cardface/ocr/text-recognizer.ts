/** Text recognition (PP-OCRv4 rec, CTC head) of detected boxes, batched by similar width. */
import { readFile } from 'node:fs/promises';
import ort from 'onnxruntime-node';
import type { CardFaceImage } from '../image.js';
import { ctcGreedyDecode, type DecodedText } from './ctc-decode.js';
import type { TextBox } from './db-postprocess.js';
import { REC_HEIGHT, stripWidth, writeRecognizerStrip } from './sampling.js';

/** Longest strip: card lines are at most ~25 characters. */
const MAX_STRIP_WIDTH = 960;
const BATCH_SIZE = 6;
const MAX_PADDING_RATIO = 1.25;

export class TextRecognizer {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly dictionary: readonly string[],
  ) {}

  static async load(modelPath: string, dictionaryPath: string): Promise<TextRecognizer> {
    const dictionary = (await readFile(dictionaryPath, 'utf8')).split(/\r?\n/);
    if (dictionary[dictionary.length - 1] === '') dictionary.pop();
    const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 2, graphOptimizationLevel: 'all' });
    return new TextRecognizer(session, dictionary);
  }

  async recognize(image: CardFaceImage, boxes: readonly TextBox[]): Promise<DecodedText[]> {
    const widths = boxes.map((b) => stripWidth(b, MAX_STRIP_WIDTH));
    const order = boxes.map((_, i) => i).sort((a, b) => (widths[a] ?? 0) - (widths[b] ?? 0));
    const results: DecodedText[] = new Array<DecodedText>(boxes.length);
    for (let start = 0; start < order.length; ) {
      // Padding a short strip to a long one changes what the model reads: batch only similar widths.
      const first = widths[order[start] as number] ?? 0;
      let end = start + 1;
      while (end < order.length && end - start < BATCH_SIZE && (widths[order[end] as number] ?? 0) <= first * MAX_PADDING_RATIO) end++;
      const members = order.slice(start, end);
      start = end;
      const batchWidth = Math.max(...members.map((i) => widths[i] ?? 0));
      const tensor = new Float32Array(members.length * 3 * REC_HEIGHT * batchWidth);
      members.forEach((boxIndex, slot) => writeRecognizerStrip(image, boxes[boxIndex] as TextBox, widths[boxIndex] ?? 0, tensor, slot, batchWidth));
      const output = await this.session.run({ [this.session.inputNames[0] as string]: new ort.Tensor('float32', tensor, [members.length, 3, REC_HEIGHT, batchWidth]) });
      const probs = output[this.session.outputNames[0] as string];
      if (!probs) throw new Error('recogniser returned no output');
      const [, steps = 0, classes = 0] = probs.dims;
      members.forEach((boxIndex, slot) => {
        results[boxIndex] = ctcGreedyDecode(probs.data as Float32Array, steps, classes, this.dictionary, slot * steps * classes);
      });
    }
    return results;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
