/**
 * Atomic file output: the reader of the folder (the レセコン) sees either no file or the whole
 * file, never a partial one, even if the kiosk loses power mid-write. Write a temp file in the
 * same folder, fsync it, rename it over the final name, then fsync the folder so the rename
 * itself is durable.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temp files start with a dot and end in .tmp so no レセコン pattern (OQS*.xml) picks them up. */
const TEMP_PATTERN = /^\..+\.tmp$/;

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o640);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

/** Removes temp files left by a write that was interrupted (crash, power cut). Returns how many. */
export function removeStaleTempFiles(dir: string): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (TEMP_PATTERN.test(name)) {
      rmSync(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
