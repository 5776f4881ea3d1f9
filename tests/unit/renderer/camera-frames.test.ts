/**
 * The renderer's side of the camera-frame contract: what the canvas fallback and NV12 cameras
 * produce must be I420 that main accepts, with the luma main matches on equal to the picture's grey.
 */
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, MAX_WIRE_FRAME_HEIGHT, MAX_WIRE_FRAME_WIDTH } from '../../../src/shared/camera-frame.js';
import { nv12ToI420, rgbaToI420 } from '../../../src/renderer/camera/i420.js';
import { frameSize } from '../../../src/renderer/camera/frame-grabber.js';

describe('renderer camera frames', () => {
  it('RGBA → I420 keeps the grey of every pixel and averages colour per 2×2 block', () => {
    const width = 4;
    const height = 2;
    const rgba = new Uint8Array(width * height * 4);
    const paint = (x: number, y: number, [r, g, b]: [number, number, number]) => rgba.set([r, g, b, 255], (y * width + x) * 4);
    for (let y = 0; y < height; y++) {
      paint(0, y, [255, 0, 0]);
      paint(1, y, [255, 0, 0]);
      paint(2, y, [90, 90, 90]);
      paint(3, y, [90, 90, 90]);
    }
    const frame = rgbaToI420(rgba, width, height);
    expect(frame).toMatchObject({ width, height, yStride: 4, uvStride: 2, fullRange: true });
    expect([...frame.data.subarray(0, 4)]).toEqual([76, 76, 90, 90]);
    // U, V of pure red (full-range BT.601) and of grey (neutral 128).
    expect([...frame.data.subarray(8, 10)]).toEqual([85, 128]);
    expect([...frame.data.subarray(10, 12)]).toEqual([255, 128]);
  });

  it('NV12 → I420 splits the interleaved chroma into U then V planes', () => {
    const nv12 = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 11, 21]);
    const frame = nv12ToI420(nv12, 4, 2, false);
    expect([...frame.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 20, 21]);
  });

  it('what the renderer makes, main decodes to the same frame', () => {
    const rgba = new Uint8Array(640 * 480 * 4).map((_, i) => (i * 7) % 256);
    const frame = rgbaToI420(rgba, 640, 480);
    const decoded = decodeFrame(encodeFrame(frame));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(decoded.frame).toMatchObject({ width: 640, height: 480, yStride: 640, uvStride: 320, fullRange: true });
      expect(Buffer.from(decoded.frame.data).equals(Buffer.from(frame.data))).toBe(true);
    }
  });

  it('frames larger than 720p are scaled down to even sides with the same shape; tiny videos give none', () => {
    expect(frameSize(640, 480)).toEqual({ width: 640, height: 480 });
    expect(frameSize(1920, 1080)).toEqual({ width: MAX_WIRE_FRAME_WIDTH, height: MAX_WIRE_FRAME_HEIGHT });
    expect(frameSize(1600, 1200)).toEqual({ width: 960, height: 720 });
    expect(frameSize(641, 481)).toEqual({ width: 640, height: 480 });
    expect(frameSize(48, 48)).toBeUndefined();
  });
});
