import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors.js';
import { FACE_ERROR_CODES } from '../../../src/main/face/error-codes.js';
import { frameToGrey, frameToRgb, MAX_FRAME_SIDE, validateFrame } from '../../../src/main/face/frame.js';

function i420(width: number, height: number, y: number, u = 128, v = 128, pad = 0) {
  const yStride = width + pad;
  const uvStride = Math.ceil(width / 2) + pad;
  const ySize = yStride * height;
  const cSize = uvStride * Math.ceil(height / 2);
  const data = new Uint8Array(ySize + 2 * cSize);
  data.fill(y, 0, ySize).fill(u, ySize, ySize + cSize).fill(v, ySize + cSize);
  return { format: 'I420' as const, width, height, yStride, uvStride, data };
}

function expectFrameError(frame: unknown): void {
  try {
    validateFrame(frame);
  } catch (error) {
    expect(error).toBeInstanceOf(KioskError);
    expect((error as KioskError).code).toBe(FACE_ERROR_CODES.FRAME_INVALID);
    return;
  }
  throw new Error('frame was accepted');
}

describe('camera frames', () => {
  it('takes the I420 luma plane as grey, expanding video range 16–235 to 0–255', () => {
    expect(frameToGrey(validateFrame(i420(64, 64, 16))).data[0]).toBe(0);
    expect(frameToGrey(validateFrame(i420(64, 64, 235))).data[100]).toBe(255);
    expect(frameToGrey(validateFrame({ ...i420(64, 64, 100), fullRange: true })).data[5]).toBe(100);
  });

  it('converts I420 to RGB (neutral chroma stays grey; strong V is red)', () => {
    const grey = frameToRgb(validateFrame(i420(64, 64, 126)));
    expect([grey.data[0], grey.data[1], grey.data[2]]).toEqual([128, 128, 128]);
    const red = frameToRgb(validateFrame(i420(64, 64, 82, 90, 240)));
    expect(red.data[0]!).toBeGreaterThan(200);
    expect(red.data[1]!).toBeLessThan(60);
  });

  it('honours row padding (stride > width)', () => {
    const frame = i420(65, 64, 200, 128, 128, 3);
    frame.data.fill(16, 65, 68); // padding bytes of row 0 must not be read as pixels
    const g = frameToGrey(validateFrame(frame));
    expect(g.width).toBe(65);
    expect(g.data.every((v) => v === Math.round(((200 - 16) * 255) / 219))).toBe(true);
  });

  it('reads RGBA with stride', () => {
    const data = new Uint8Array(64 * 4 * 64 + 64 * 16).fill(255);
    const frame = validateFrame({ format: 'RGBA', width: 64, height: 64, stride: 64 * 4 + 16, data });
    expect(frameToRgb(frame).data.every((v) => v === 255)).toBe(true);
    expect(frameToGrey(frame).data[0]).toBe(255);
  });

  it('rejects impossible frames with E-FACE-002', () => {
    expectFrameError(null);
    expectFrameError({ ...i420(64, 64, 0), width: 0 });
    expectFrameError({ ...i420(64, 64, 0), width: MAX_FRAME_SIDE + 1 });
    expectFrameError({ ...i420(64, 64, 0), height: 1.5 });
    expectFrameError({ ...i420(64, 64, 0), yStride: 63 });
    expectFrameError({ ...i420(64, 64, 0), uvStride: 31 });
    expectFrameError({ ...i420(64, 64, 0), data: new Uint8Array(10) });
    expectFrameError({ ...i420(64, 64, 0), data: [1, 2, 3] });
    expectFrameError({ ...i420(64, 64, 0), format: 'NV12' });
    expectFrameError({ format: 'RGBA', width: 64, height: 64, stride: 255, data: new Uint8Array(64 * 256) });
    expectFrameError({ format: 'RGBA', width: 64, height: 64, stride: 256, data: new Uint8Array(64 * 255) });
  });
});
