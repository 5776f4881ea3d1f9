/**
 * 10,000 mixed bad inputs — corrupt and truncated JP2, zero-size, huge and mis-strided frames,
 * wrong formats, NaN scores and embeddings — each must end in a typed error (or, for NaN scores,
 * in "not a match"), never a crash, and the decoder must still work afterwards without its
 * memory growing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors.js';
import { FrameDecision } from '../../../src/main/face/decision.js';
import { FACE_ERROR_CODES } from '../../../src/main/face/error-codes.js';
import { validateFrame } from '../../../src/main/face/frame.js';
import { decodeChipPhoto } from '../../../src/main/face/jp2-decode.js';
import { l2Normalise } from '../../../src/main/face/vector.js';
import { encodeGreyJp2 } from './support/jp2-fixture.js';

const RUNS = 10_000;

function photo() {
  const data = new Uint8Array(48 * 64);
  for (let i = 0; i < data.length; i++) data[i] = (i * 13) & 255;
  return { kind: 'grey' as const, width: 48, height: 64, data };
}

type BadInput =
  | { kind: 'jp2-truncated'; at: number }
  | { kind: 'jp2-corrupt'; at: number; bytes: number[] }
  | { kind: 'jp2-random'; bytes: Uint8Array }
  | { kind: 'frame'; frame: Record<string, unknown> }
  | { kind: 'nan-score'; scores: number[] }
  | { kind: 'nan-embedding'; values: number[] };

const side = fc.oneof(fc.constant(0), fc.constant(-1), fc.constant(1e9), fc.constant(Number.NaN), fc.integer({ min: 1, max: 63 }), fc.integer({ min: 4097, max: 1 << 20 }), fc.double({ min: 64, max: 640, noInteger: true }));
const badFrame = fc.oneof(
  fc.record({ format: fc.constantFrom('I420', 'RGBA'), width: side, height: fc.integer({ min: 64, max: 480 }), yStride: fc.integer({ min: 0, max: 2000 }), uvStride: fc.integer({ min: 0, max: 1000 }), stride: fc.integer({ min: 0, max: 4000 }), data: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ format: fc.constant('I420'), width: fc.constant(640), height: fc.constant(480), yStride: fc.integer({ min: 0, max: 639 }), uvStride: fc.constant(320), data: fc.constant(new Uint8Array(640 * 480 * 2)) }),
  fc.record({ format: fc.constant('RGBA'), width: fc.constant(640), height: fc.constant(480), stride: fc.integer({ min: 2561, max: 2563 }), data: fc.constant(new Uint8Array(2564 * 480)) }),
  fc.record({ format: fc.constant('I420'), width: fc.constant(640), height: fc.constant(480), yStride: fc.constant(640), uvStride: fc.constant(320), data: fc.uint8Array({ maxLength: 1000 }) }),
  fc.record({ format: fc.constantFrom('NV12', 'BGRA', '', 42, null), width: fc.constant(640), height: fc.constant(480), data: fc.constant(new Uint8Array(16)) }),
);

describe('bad input', () => {
  it(`${RUNS} mixed bad inputs give typed errors, never a crash or a match`, async () => {
    const good = await encodeGreyJp2(photo());
    const input: fc.Arbitrary<BadInput> = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('jp2-truncated' as const), at: fc.integer({ min: 0, max: good.length - 1 }) }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('jp2-corrupt' as const), at: fc.integer({ min: 0, max: good.length - 8 }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('jp2-random' as const), bytes: fc.uint8Array({ maxLength: 256 }) }) },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('frame' as const), frame: badFrame }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('nan-score' as const), scores: fc.array(fc.constantFrom(Number.NaN, Infinity, -Infinity, 0.99), { minLength: 5, maxLength: 10 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('nan-embedding' as const), values: fc.array(fc.constantFrom(Number.NaN, 0, Infinity), { minLength: 1, maxLength: 8 }) }) },
    );
    const samples = fc.sample(input, { numRuns: RUNS, seed: 20261126 });
    const before = process.memoryUsage();
    const outcomes = { typed: 0, decoded: 0, notMatch: 0 };
    for (const sample of samples) {
      switch (sample.kind) {
        case 'jp2-truncated':
        case 'jp2-corrupt':
        case 'jp2-random': {
          let bytes: Uint8Array;
          if (sample.kind === 'jp2-truncated') bytes = good.subarray(0, sample.at);
          else if (sample.kind === 'jp2-random') bytes = sample.bytes;
          else {
            bytes = Uint8Array.from(good);
            bytes.set(sample.bytes, sample.at);
          }
          try {
            const image = await decodeChipPhoto(bytes);
            // Some corruptions (in the entropy-coded data) still decode: then the result must be sane.
            expect(image.data.length).toBe(image.width * image.height);
            outcomes.decoded++;
          } catch (error) {
            expect(error).toBeInstanceOf(KioskError);
            expect((error as KioskError).code).toBe(FACE_ERROR_CODES.CHIP_PHOTO_INVALID);
            outcomes.typed++;
          }
          break;
        }
        case 'frame':
          expect(() => validateFrame(sample.frame)).toThrow(KioskError);
          outcomes.typed++;
          break;
        case 'nan-score': {
          const decision = new FrameDecision(0.7, { frames: 5, topK: 3, margin: 0.02, maxFrames: 10 });
          let state = decision.add(undefined);
          for (const s of sample.scores) state = decision.add(s);
          const usable = sample.scores.filter((s) => s === 0.99).length;
          if (usable < 5) expect(state.state).not.toBe('match');
          outcomes.notMatch++;
          break;
        }
        case 'nan-embedding':
          expect(() => l2Normalise(Float32Array.from(sample.values))).toThrow(RangeError);
          outcomes.typed++;
          break;
      }
    }
    expect(outcomes.typed + outcomes.decoded + outcomes.notMatch).toBe(RUNS);
    expect(outcomes.typed).toBeGreaterThan(RUNS / 2);
    // Still decodes, and the WASM heap did not grow with every failure (each decoder is deleted).
    expect((await decodeChipPhoto(good)).width).toBe(48);
    const grown = process.memoryUsage().arrayBuffers - before.arrayBuffers;
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);
});
