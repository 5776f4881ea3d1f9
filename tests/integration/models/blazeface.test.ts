import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../scripts/models/hash.js';
import { demoFaceCrops } from '../../../scripts/models/verify/face-crops.js';
import { manifestEntry, repoRoot } from './model-inputs.js';

// BlazeFace is shipped as-is (fetched by `npm run build:models`, which the set-up step runs);
// these tests prove the file the pipeline loads is the pinned one and that it sees faces.
const entry = manifestEntry('blazeface-front-128');
const file = join(repoRoot, 'models', entry.file);
const built = existsSync(file);
const inCi = process.env.CI === 'true';

describe.skipIf(!built && !inCi)('BlazeFace front detector as built (skipped outside CI until `npm run build:models` has run)', () => {
  let session: ort.InferenceSession;
  const size = entry.io.inputShape[1] ?? 128;

  beforeAll(async () => {
    session = await ort.InferenceSession.create(file, { intraOpNumThreads: 2, logSeverityLevel: 3 });
  });
  afterAll(async () => {
    await session.release();
  });

  async function bestScore(rgb: Float32Array): Promise<number> {
    const input = rgb.map((p) => p / 127.5 - 1);
    const out = await session.run({ [entry.io.input]: new ort.Tensor('float32', input, entry.io.inputShape) });
    let best = -Infinity;
    for (const name of ['Identity:0', 'Identity_1:0']) {
      for (const logit of out[name]?.data as Float32Array) best = Math.max(best, logit);
    }
    return 1 / (1 + Math.exp(-best));
  }

  it('is the pinned file', () => {
    expect(sha256Hex(readFileSync(file))).toBe(entry.sha256.output);
    expect(session.inputNames).toEqual([entry.io.input]);
    expect(session.outputNames).toEqual(entry.io.outputs.map((o) => o.name));
  });

  it('finds a face in every demo face crop and none in a blank frame', async () => {
    for (const crop of demoFaceCrops(size)) expect(await bestScore(crop.rgb), crop.label).toBeGreaterThan(0.75);
    expect(await bestScore(new Float32Array(size * size * 3).fill(128))).toBeLessThan(0.5);
  });
});
