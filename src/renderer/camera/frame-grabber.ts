/**
 * Takes the picture the face screen's <video> shows right now as an I420 frame for main. In
 * Chromium, VideoFrame.copyTo gives the camera's own I420 (or NV12) planes without any colour
 * maths; anything else (another pixel format, a frame larger than 720p, no WebCodecs) goes
 * through a canvas and is converted here. The frame is handed over and not kept.
 */
import { MAX_WIRE_FRAME_HEIGHT, MAX_WIRE_FRAME_WIDTH, MIN_WIRE_FRAME_SIDE, type WireFrame } from '../../shared/camera-frame.js';
import { nv12ToI420, rgbaToI420 } from './i420.js';

/** The largest even size ≤ 720p with the video's aspect ratio. */
export function frameSize(videoWidth: number, videoHeight: number): { width: number; height: number } | undefined {
  const scale = Math.min(1, MAX_WIRE_FRAME_WIDTH / videoWidth, MAX_WIRE_FRAME_HEIGHT / videoHeight);
  const width = Math.floor((videoWidth * scale) / 2) * 2;
  const height = Math.floor((videoHeight * scale) / 2) * 2;
  return width >= MIN_WIRE_FRAME_SIDE && height >= MIN_WIRE_FRAME_SIDE ? { width, height } : undefined;
}

export async function grabFrame(video: HTMLVideoElement, canvas: () => HTMLCanvasElement): Promise<WireFrame | undefined> {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return undefined;
  const size = frameSize(video.videoWidth, video.videoHeight);
  if (!size) return undefined;
  const native = size.width === video.videoWidth && size.height === video.videoHeight ? await copyPlanes(video, size) : undefined;
  return native ?? viaCanvas(video, size, canvas());
}

/** VideoFrame.copyTo of the camera's own planes, when they are I420 or NV12. */
async function copyPlanes(video: HTMLVideoElement, size: { width: number; height: number }): Promise<WireFrame | undefined> {
  if (typeof VideoFrame === 'undefined') return undefined;
  const frame = new VideoFrame(video);
  try {
    const format = frame.format;
    if (format !== 'I420' && format !== 'NV12') return undefined;
    // Even origin and size: 4:2:0 chroma cannot be cut between two luma rows or columns.
    const rect = { x: frame.visibleRect?.x ?? 0, y: frame.visibleRect?.y ?? 0, width: size.width, height: size.height };
    if (rect.x % 2 !== 0 || rect.y % 2 !== 0) return undefined;
    const bytes = new Uint8Array(frame.allocationSize({ rect }));
    await frame.copyTo(bytes, { rect });
    // Camera video is limited range unless the track says otherwise.
    const fullRange = frame.colorSpace?.fullRange === true;
    if (format === 'NV12') return nv12ToI420(bytes, size.width, size.height, fullRange);
    return { format: 'I420', ...size, yStride: size.width, uvStride: size.width / 2, fullRange, data: bytes };
  } finally {
    frame.close();
  }
}

function viaCanvas(video: HTMLVideoElement, size: { width: number; height: number }, canvas: HTMLCanvasElement): WireFrame | undefined {
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  context.drawImage(video, 0, 0, size.width, size.height);
  const image = context.getImageData(0, 0, size.width, size.height);
  context.clearRect(0, 0, size.width, size.height);
  return rgbaToI420(image.data, size.width, size.height);
}
