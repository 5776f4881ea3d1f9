/**
 * The privacy scan after a face session: every file under the kiosk's data directory (SQLite and
 * its WAL, kiosk.log, レセコン files) and everything the logger printed, searched for image bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** JPEG 2000 signature box (the chip photo's container) and the PNG signature. */
export const JP2_SIGNATURE = Uint8Array.from([0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]);
export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Which of `needles` (name → bytes) occur in which file or in the log text. */
export function imageBytesFound(dir: string, logText: string, needles: Record<string, Uint8Array>): string[] {
  const haystacks: Array<[string, Buffer]> = [...filesUnder(dir).map((file): [string, Buffer] => [file, readFileSync(file)]), ['log output', Buffer.from(logText)]];
  const found: string[] = [];
  for (const [where, bytes] of haystacks) {
    for (const [name, needle] of Object.entries(needles)) if (bytes.indexOf(Buffer.from(needle)) >= 0) found.push(`${name} in ${where}`);
    // A serialised buffer or a data URL would not show raw bytes: look for their markers too.
    for (const marker of ['"type":"Buffer"', 'data:image/']) if (bytes.includes(marker)) found.push(`${marker} in ${where}`);
  }
  return found;
}
