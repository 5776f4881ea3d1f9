/**
 * Turns the manifest's preprocessing sentence ("RGB float32, p / 127.5 - 1", "(p − 127.5) / 128",
 * "(x − [122.782, 117.001, 104.298]) / 255") into per-channel mean and divisor, and fills an
 * input tensor in the model's layout. One parser, so every model's maths comes from the manifest.
 */
import { FACE_ERROR_CODES, faceError } from './error-codes.js';
import type { FloatRgb } from './warp.js';

/** value = (pixel − mean[c]) / divisor[c]. */
export interface Normalisation {
  readonly mean: readonly [number, number, number];
  readonly divisor: readonly [number, number, number];
  /** Channel order the network expects. */
  readonly order: 'RGB' | 'BGR';
}

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const VARIABLE = String.raw`[pxv]`;
const MINUS = String.raw`\s*[-−]\s*`;

function triple(n: number): [number, number, number] {
  return [n, n, n];
}

/** Parses the formula in a manifest `preprocess` string; throws E-FACE-003 if none is recognised. */
export function parsePreprocess(text: string): Normalisation {
  const order = /\bBGR\b/.test(text) ? 'BGR' : 'RGB';
  // (p − [a, b, c]) / d
  let m = new RegExp(String.raw`\(\s*${VARIABLE}${MINUS}\[\s*${NUMBER}\s*,\s*${NUMBER}\s*,\s*${NUMBER}\s*\]\s*\)\s*/\s*${NUMBER}`).exec(text);
  if (m) return { mean: [Number(m[1]), Number(m[2]), Number(m[3])], divisor: triple(Number(m[4])), order };
  // (p − a) / d
  m = new RegExp(String.raw`\(\s*${VARIABLE}${MINUS}${NUMBER}\s*\)\s*/\s*${NUMBER}`).exec(text);
  if (m) return { mean: triple(Number(m[1])), divisor: triple(Number(m[2])), order };
  // p / d − b   ≡   (p − b·d) / d
  m = new RegExp(String.raw`\b${VARIABLE}\s*/\s*${NUMBER}${MINUS}${NUMBER}`).exec(text);
  if (m) return { mean: triple(Number(m[1]) * Number(m[2])), divisor: triple(Number(m[1])), order };
  // p / d
  m = new RegExp(String.raw`\b${VARIABLE}\s*/\s*${NUMBER}`).exec(text);
  if (m) return { mean: triple(0), divisor: triple(Number(m[1])), order };
  // Raw pixels: the graph normalises inside (face-api's rebuilt ResNet).
  if (/\b0\s*[-–]\s*255\b/.test(text)) return { mean: triple(0), divisor: triple(1), order };
  throw faceError(
    FACE_ERROR_CODES.MODEL_UNAVAILABLE,
    'モデル定義（manifest.json）の前処理を解釈できません。モデルを再構築してください',
    `Cannot parse the manifest's preprocess "${text}". Rebuild the models`,
  );
}

/** Writes `image` (HWC, 0–255) into `target` at batch slot `slot`, normalised, in NHWC or NCHW. */
export function fillTensor(image: FloatRgb, norm: Normalisation, layout: 'NHWC' | 'NCHW', target: Float32Array, slot = 0): void {
  const { width, height, data } = image;
  const plane = width * height;
  const base = slot * plane * 3;
  for (let c = 0; c < 3; c++) {
    const source = norm.order === 'RGB' ? c : 2 - c;
    const mean = norm.mean[c]!;
    const divisor = norm.divisor[c]!;
    for (let i = 0; i < plane; i++) {
      const value = (data[i * 3 + source]! - mean) / divisor;
      target[layout === 'NHWC' ? base + i * 3 + c : base + c * plane + i] = value;
    }
  }
}
