/**
 * Camera frames on the wire (renderer → main), for both shells: one binary message per frame, a
 * 16-byte header then the I420 planes exactly as VideoFrame.copyTo writes them. Pixels are never
 * JSON-encoded (a 640×480 frame is 460 kB of bytes, and would be ~1.2 MB as JSON numbers).
 *
 *   0  4 bytes  'I420' (the format, ASCII)
 *   4  u16 LE   width        6  u16 LE  height
 *   8  u16 LE   yStride     10  u16 LE  uvStride
 *  12  u8       flags (bit 0: full range)   13–15  zero
 *  16  Y plane (yStride × height), U and V planes (uvStride × ceil(height / 2) each)
 *
 * The header is checked with a schema before a single pixel is looked at, and the byte count must
 * match it exactly, so a hostile message costs one 16-byte read.
 */
import { z } from 'zod';

export const FRAME_HEADER_BYTES = 16;
/** The largest frame main accepts: 720p. The face screen asks the camera for 640×480. */
export const MAX_WIRE_FRAME_WIDTH = 1280;
export const MAX_WIRE_FRAME_HEIGHT = 720;
/** BlazeFace sees 128×128: smaller frames cannot show a face it will find (src/main/face/frame.ts). */
export const MIN_WIRE_FRAME_SIDE = 64;
/** Row padding a camera may add (src/main/face/frame.ts accepts the same). */
const MAX_STRIDE_PADDING = 256;

const FORMAT_TAG = [0x49, 0x34, 0x32, 0x30]; // 'I420'
const FULL_RANGE_FLAG = 1;

const side = (max: number) => z.number().int().min(MIN_WIRE_FRAME_SIDE).max(max);

export const frameHeaderSchema = z
  .object({
    format: z.literal('I420'),
    width: side(MAX_WIRE_FRAME_WIDTH),
    height: side(MAX_WIRE_FRAME_HEIGHT),
    yStride: z.number().int(),
    uvStride: z.number().int(),
    fullRange: z.boolean(),
  })
  .refine((h) => h.yStride >= h.width && h.yStride <= h.width + MAX_STRIDE_PADDING, { message: 'yStride out of range', path: ['yStride'] })
  .refine((h) => h.uvStride >= Math.ceil(h.width / 2) && h.uvStride <= Math.ceil(h.width / 2) + MAX_STRIDE_PADDING, {
    message: 'uvStride out of range',
    path: ['uvStride'],
  });
export type FrameHeader = z.infer<typeof frameHeaderSchema>;

/** One camera frame as the renderer hands it to `window.kiosk.sendFrame`. */
export interface WireFrame extends FrameHeader {
  readonly data: Uint8Array;
}

/** Bytes of the three planes a header describes. */
export function i420ByteLength(header: Pick<FrameHeader, 'height' | 'yStride' | 'uvStride'>): number {
  return header.yStride * header.height + 2 * header.uvStride * Math.ceil(header.height / 2);
}

/** The largest valid message: a transport may refuse anything bigger without reading it. */
export const MAX_FRAME_MESSAGE_BYTES =
  FRAME_HEADER_BYTES +
  i420ByteLength({ height: MAX_WIRE_FRAME_HEIGHT, yStride: MAX_WIRE_FRAME_WIDTH + MAX_STRIDE_PADDING, uvStride: MAX_WIRE_FRAME_WIDTH / 2 + MAX_STRIDE_PADDING });

export function encodeFrame(frame: WireFrame): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(FRAME_HEADER_BYTES + frame.data.length);
  const view = new DataView(out.buffer);
  out.set(FORMAT_TAG, 0);
  view.setUint16(4, frame.width, true);
  view.setUint16(6, frame.height, true);
  view.setUint16(8, frame.yStride, true);
  view.setUint16(10, frame.uvStride, true);
  out[12] = frame.fullRange ? FULL_RANGE_FLAG : 0;
  out.set(frame.data, FRAME_HEADER_BYTES);
  return out;
}

export type DecodedFrame = { readonly ok: true; readonly frame: WireFrame } | { readonly ok: false; readonly reason: string };

/** Reads and validates one message; `frame.data` is a view into `bytes`, not a copy. */
export function decodeFrame(bytes: Uint8Array): DecodedFrame {
  if (bytes.length < FRAME_HEADER_BYTES) return { ok: false, reason: 'shorter than the header' };
  if (bytes.length > MAX_FRAME_MESSAGE_BYTES) return { ok: false, reason: 'larger than 720p' };
  if (FORMAT_TAG.some((byte, i) => bytes[i] !== byte)) return { ok: false, reason: 'format is not I420' };
  if (bytes[13] !== 0 || bytes[14] !== 0 || bytes[15] !== 0 || (bytes[12]! & ~FULL_RANGE_FLAG) !== 0) return { ok: false, reason: 'reserved header bits set' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, FRAME_HEADER_BYTES);
  const parsed = frameHeaderSchema.safeParse({
    format: 'I420',
    width: view.getUint16(4, true),
    height: view.getUint16(6, true),
    yStride: view.getUint16(8, true),
    uvStride: view.getUint16(10, true),
    fullRange: (bytes[12]! & FULL_RANGE_FLAG) !== 0,
  });
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  const expected = i420ByteLength(parsed.data);
  const data = bytes.subarray(FRAME_HEADER_BYTES);
  if (data.length !== expected) return { ok: false, reason: `expected ${expected} pixel bytes, got ${data.length}` };
  return { ok: true, frame: { ...parsed.data, data } };
}
