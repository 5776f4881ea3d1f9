/**
 * The matcher as the session runner uses it: a worker thread with the real models, a JP2 chip
 * photo, I420 camera frames. Decisions, newest-frame-wins under load, typed failures, and the
 * privacy rule: no frame or chip photo reaches disk or the process's output.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Detection } from '../../../src/main/face/detection.js';
import { createDetector } from '../../../src/main/face/detector.js';
import type { I420Frame } from '../../../src/main/face/frame.js';
import type { Image } from '../../../src/main/face/image.js';
import { loadManifest } from '../../../src/main/face/manifest.js';
import { createFaceMatcher, type FaceMatcher, type FaceProgress } from '../../../src/main/face/matcher.js';
import { MANIFEST_PATH, SKIP_FACE_INTEGRATION } from './support/models.js';
import { cameraFrame, chipPhoto, DEMO_PHOTOS, loadDemo } from './support/scenes.js';

/** Every regular file under `dir` (two levels), with its modification time. */
function listFiles(dir: string, depth = 2): Map<string, number> {
  const files = new Map<string, number>();
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return files;
  }
  for (const name of entries) {
    const full = path.join(dir, name);
    try {
      const st = statSync(full);
      if (st.isFile()) files.set(full, st.mtimeMs);
      else if (st.isDirectory() && depth > 0) for (const [f, m] of listFiles(full, depth - 1)) files.set(f, m);
    } catch {
      // Another process removed it meanwhile.
    }
  }
  return files;
}

function contains(haystack: Buffer, needle: Uint8Array): boolean {
  return haystack.indexOf(Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength)) >= 0;
}

describe.skipIf(SKIP_FACE_INTEGRATION)('face matcher (worker thread, real models)', () => {
  let matcher: FaceMatcher;
  const people: { image: Image; face: Detection }[] = [];

  beforeAll(async () => {
    const detector = await createDetector(loadManifest(MANIFEST_PATH), { threads: 1 });
    for (const file of [DEMO_PHOTOS[0]!, DEMO_PHOTOS[2]!]) {
      const image = await loadDemo(file);
      people.push({ image, face: (await detector.detect(image))[0]! });
    }
    await detector.release();
    matcher = await createFaceMatcher({ manifestPath: MANIFEST_PATH, threads: 1 });
  });
  afterAll(() => matcher?.close());

  /** Feeds frames one at a time as the camera would, until the session has an answer. */
  async function run(frame: () => I420Frame, progress: FaceProgress[] = []) {
    const off = matcher.onProgress((p) => progress.push(p));
    let settled = false;
    const result = matcher.result.then((r) => {
      settled = true;
      return r;
    });
    for (let i = 0; i < 200 && !settled; i++) {
      matcher.pushFrame(frame());
      await new Promise((r) => setTimeout(r, 15));
    }
    off();
    return result;
  }

  it('matches the card holder and keeps frames and the chip photo off disk and out of the output', async () => {
    const { image, face } = people[0]!;
    const jp2 = await chipPhoto(image, face);
    const template = cameraFrame(image, face);
    const chipCopy = Uint8Array.from(jp2);
    const frameProbe = template.data.slice(200_000, 200_256);
    const before = listFiles(os.tmpdir());
    const output: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (output.push(String(chunk)), write(chunk, ...rest))) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (output.push(String(chunk)), writeErr(chunk, ...rest))) as typeof process.stderr.write;
    try {
      await matcher.startSession(jp2);
      const progress: FaceProgress[] = [];
      const result = await run(() => ({ ...template, data: template.data.slice() }), progress);
      expect(result.outcome).toBe('match');
      expect(result.score!).toBeGreaterThanOrEqual(result.threshold);
      expect(result.usableFrames).toBe(5);
      expect(progress.some((p) => p.score !== undefined)).toBe(true);
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
    }
    // Privacy: any file created or changed in the temp directory during the session is free of image bytes.
    for (const [file, mtime] of listFiles(os.tmpdir())) {
      if (before.get(file) === mtime) continue;
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      expect(contains(bytes, chipCopy.subarray(0, 64)), file).toBe(false);
      expect(contains(bytes, frameProbe), file).toBe(false);
    }
    const printed = output.join('');
    expect(printed).not.toContain(Buffer.from(chipCopy.subarray(0, 48)).toString('base64'));
    expect(printed).not.toContain(Buffer.from(chipCopy.subarray(0, 48)).toString('latin1'));
  });

  it('does not match someone else', async () => {
    await matcher.startSession(await chipPhoto(people[0]!.image, people[0]!.face));
    const other = cameraFrame(people[1]!.image, people[1]!.face);
    const result = await run(() => ({ ...other, data: other.data.slice() }));
    expect(result.outcome).toBe('no-match');
    expect(result.score!).toBeLessThan(result.threshold);
  });

  it('keeps only the newest frame while the worker is busy', async () => {
    const { image, face } = people[0]!;
    await matcher.startSession(await chipPhoto(image, face));
    const frame = cameraFrame(image, face);
    for (let i = 0; i < 40; i++) matcher.pushFrame({ ...frame, data: frame.data.slice() });
    matcher.cancel();
    const result = await matcher.result;
    expect(result.outcome).toBe('cannot-judge');
    // 40 frames pushed at once: at most the in-flight one and the newest were processed.
    expect(result.framesSeen).toBeLessThanOrEqual(2);
  });

  it('says "cannot judge" when no face ever appears, and reports no-face hints meanwhile', async () => {
    const { image, face } = people[0]!;
    await matcher.startSession(await chipPhoto(image, face));
    const blank = cameraFrame(image, face, { gain: 0 });
    const progress: FaceProgress[] = [];
    const off = matcher.onProgress((p) => progress.push(p));
    for (let i = 0; i < 10; i++) {
      matcher.pushFrame({ ...blank, data: blank.data.slice() });
      await new Promise((r) => setTimeout(r, 30));
    }
    off();
    matcher.cancel();
    expect((await matcher.result).outcome).toBe('cannot-judge');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.hints.includes('no-face'))).toBe(true);
  });

  it('rejects a corrupt chip photo with E-FACE-001 and a malformed frame with E-FACE-002', async () => {
    const jp2 = await chipPhoto(people[0]!.image, people[0]!.face);
    await expect(matcher.startSession(jp2.slice(0, 100))).rejects.toMatchObject({ code: 'E-FACE-001' });
    const result = await matcher.result;
    expect(result.outcome).toBe('cannot-judge');
    expect(result.error?.code).toBe('E-FACE-001');
    expect(() => matcher.pushFrame({ format: 'I420', width: 640, height: 480, yStride: 600, uvStride: 320, data: new Uint8Array(10) })).toThrow(expect.objectContaining({ code: 'E-FACE-002' }));
  });
});
