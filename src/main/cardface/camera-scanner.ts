/**
 * A document camera as card-face scanner: grabs one still from a second camera device with
 * ffmpeg (Debian package) and reads it as raw RGBA from ffmpeg's stdout. The picture only ever
 * exists in memory: nothing is written to disk, and ffmpeg's own messages are not logged (they
 * name the device, never pixels, but we keep it simple and log nothing).
 */
import { spawn } from 'node:child_process';
import { KioskError } from '../../shared/errors.js';
import { CARDFACE_ERROR_CODES, CARDFACE_ERROR_MESSAGES } from './error-codes.js';
import type { CardFaceImage } from './image.js';
import type { CardFaceScanner } from './scanner.js';

export interface CameraScannerConfig {
  /** e.g. /dev/video1 for v4l2: the document camera, not the face camera. */
  readonly device: string;
  /** ffmpeg input format: `v4l2` on Linux; any other ffmpeg demuxer works the same way. */
  readonly inputFormat?: string;
  /** The still is scaled to this size, the layout the OCR was tuned on (960×640). */
  readonly width?: number;
  readonly height?: number;
  readonly timeoutMs?: number;
  readonly ffmpegPath?: string;
}

export class CameraCardFaceScanner implements CardFaceScanner {
  constructor(private readonly config: CameraScannerConfig) {}

  capture(): Promise<CardFaceImage> {
    const { device, inputFormat = 'v4l2', width = 960, height = 640, timeoutMs = 5_000, ffmpegPath = 'ffmpeg' } = this.config;
    const args = ['-hide_banner', '-loglevel', 'error', '-f', inputFormat, '-i', device, '-frames:v', '1', '-vf', `scale=${width}:${height}`, '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'];
    const expected = width * height * 4;
    return new Promise((resolve, reject) => {
      const fail = (detail: string, cause?: unknown): void =>
        reject(new KioskError(CARDFACE_ERROR_CODES.SCANNER_UNAVAILABLE, `${CARDFACE_ERROR_MESSAGES['E-CFS-001']} (${detail})`, { cause }));
      const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
      const chunks: Buffer[] = [];
      let size = 0;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        fail(`no picture from ${device} within ${timeoutMs} ms`);
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        fail(`cannot run ${ffmpegPath}`, error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        const pixels = Buffer.concat(chunks, size);
        chunks.length = 0;
        if (code !== 0 || pixels.length < expected) {
          pixels.fill(0);
          fail(`capture from ${device} failed (exit ${code ?? 'signal'})`);
          return;
        }
        resolve({ width, height, rgba: new Uint8Array(pixels.buffer, pixels.byteOffset, expected) });
      });
    });
  }
}
