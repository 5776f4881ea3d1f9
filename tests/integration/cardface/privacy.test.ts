/**
 * Card-front pictures are treated like face images: never written to disk, never logged, never
 * kept. The whole scan → OCR → 照合番号B path runs here with every file write and console/stdout
 * write watched; pictures must be wiped once read, and the result must carry no pixels.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CardFaceReader } from '../../../src/main/cardface/card-face-reader.js';
import type { CardFaceImage } from '../../../src/main/cardface/image.js';
import { unlockWithCardFace } from '../../../src/main/cardface/unlock-with-card-face.js';
import { VerificationBTryGuard } from '../../../src/main/cardface/wrong-try-guard.js';
import { generatePersona } from '../../../sim/cardface/personas.js';
import { createRng } from '../../../sim/cardface/rng.js';
import { VirtualCardFaceScanner } from '../../../sim/cardface/virtual-scanner.js';

const TODAY = { year: 2026, month: 11, day: 26 };
const WRITERS = ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'createWriteStream', 'openSync', 'open', 'writeSync', 'write'] as const;
let reader: CardFaceReader;

beforeAll(async () => {
  reader = await CardFaceReader.load();
});
afterAll(() => reader?.release());

describe('card-front pictures stay in memory', () => {
  it('scan → OCR → VERIFY writes no file, logs nothing, wipes every picture and returns no pixels', { timeout: 60_000 }, async () => {
    const fields = generatePersona(createRng(5), TODAY, 'privacy').fields;
    const virtual = new VirtualCardFaceScanner({ insertedCard: () => fields, severity: 0.3, seed: 9 });
    const taken: CardFaceImage[] = [];
    const scanner = { capture: async () => taken[taken.push(await virtual.capture()) - 1] as CardFaceImage };

    const fileWrites = WRITERS.map((name) => vi.spyOn(fs, name));
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) => vi.spyOn(console, name));
    const streams = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')];
    syncBuiltinESMExports(); // named `node:fs` imports now see the spies too
    let outcome;
    try {
      outcome = await unlockWithCardFace({
        scanner,
        reader,
        guard: new VerificationBTryGuard(),
        today: TODAY,
        present: async () => 'photo',
        isWrongVerificationB: () => false,
      });
    } finally {
      vi.restoreAllMocks();
      syncBuiltinESMExports();
    }
    expect(outcome.ok).toBe(true);
    for (const spy of [...fileWrites, ...logs, ...streams]) expect(spy).not.toHaveBeenCalled();
    expect(taken.length).toBeGreaterThan(0);
    for (const image of taken) expect(image.rgba.some((v) => v !== 0)).toBe(false);
    // The result is fields and a confidence, a few hundred bytes: no picture rides along.
    expect(JSON.stringify(outcome).length).toBeLessThan(2_000);
  });
});
