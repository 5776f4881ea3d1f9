/**
 * The document-camera scanner through real ffmpeg. This machine has no camera, so a capture is
 * exercised with ffmpeg's synthetic `lavfi` source through the same code path, and the v4l2 path
 * is checked for a clear staff error when the device is missing.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CameraCardFaceScanner } from '../../../src/main/cardface/camera-scanner.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (!hasFfmpeg && process.env.CI === 'true') throw new Error('ffmpeg is required in CI (scripts/setup.sh installs it)');

describe.skipIf(!hasFfmpeg)('document camera scanner (ffmpeg; skipped outside CI only when ffmpeg is missing)', () => {
  it('delivers one still as an in-memory RGBA frame of the configured size', async () => {
    const scanner = new CameraCardFaceScanner({ inputFormat: 'lavfi', device: 'testsrc=size=640x480:rate=5', width: 320, height: 200 });
    const image = await scanner.capture();
    expect(image.width).toBe(320);
    expect(image.height).toBe(200);
    expect(image.rgba.length).toBe(320 * 200 * 4);
    // testsrc draws colour bars: the frame is a picture, not a blank buffer.
    expect(new Set(image.rgba.subarray(0, 320 * 4)).size).toBeGreaterThan(4);
  });

  it('reports a missing camera device as E-CFS-001 naming the device', async () => {
    const scanner = new CameraCardFaceScanner({ device: '/dev/video-missing' });
    await expect(scanner.capture()).rejects.toMatchObject({ code: 'E-CFS-001', message: expect.stringContaining('/dev/video-missing') });
  });

  it('reports a missing ffmpeg as E-CFS-001', async () => {
    const scanner = new CameraCardFaceScanner({ device: '/dev/video1', ffmpegPath: '/nonexistent/ffmpeg' });
    await expect(scanner.capture()).rejects.toMatchObject({ code: 'E-CFS-001' });
  });
});
