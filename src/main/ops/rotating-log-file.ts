/**
 * Size-based log rotation for pino (ログのローテーション): kiosk.log grows to `maxBytes`, then
 * becomes kiosk.log.1 (older ones shift up, the oldest beyond `keep` is deleted). Written
 * synchronously, line by line: the lines before a crash are the ones support needs, and a
 * worker-thread transport can lose them. Rotation is by size, not date, because a kiosk that is
 * switched off at night would otherwise rotate at random moments.
 */
import { closeSync, existsSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { DestinationStream } from 'pino';

export interface RotationOptions {
  readonly file: string;
  readonly maxBytes: number;
  /** Rotated files kept besides the current one. */
  readonly keep: number;
}

export const DEFAULT_ROTATION: Omit<RotationOptions, 'file'> = { maxBytes: 10 * 1024 * 1024, keep: 5 };

export class RotatingLogFile implements DestinationStream {
  private fd: number;
  private size: number;

  constructor(private readonly options: RotationOptions) {
    this.fd = openSync(options.file, 'a');
    this.size = fstatSync(this.fd).size;
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
    writeSync(this.fd, line);
    this.size += bytes;
  }

  close(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
    const { file, keep } = this.options;
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    if (keep > 0) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
    this.fd = openSync(file, 'a');
    this.size = 0;
  }
}
