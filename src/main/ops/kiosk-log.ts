/**
 * Where main's log goes: stderr (for whoever started the kiosk) and the rotating kiosk.log in the
 * data folder, which the diagnostics page reads back for the lines with error codes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type DestinationStream } from 'pino';
import { DEFAULT_ROTATION, RotatingLogFile } from './rotating-log-file.js';

export const kioskLogPath = (dataDir: string) => join(dataDir, 'kiosk.log');

export function kioskLogDestination(dataDir: string): { destination: DestinationStream; close(): void } {
  mkdirSync(dataDir, { recursive: true });
  const file = new RotatingLogFile({ file: kioskLogPath(dataDir), ...DEFAULT_ROTATION });
  return {
    destination: pino.multistream([{ stream: pino.destination(2) }, { stream: file }]),
    close: () => file.close(),
  };
}
