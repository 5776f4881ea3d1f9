/**
 * Writes レセコン result files into the configured folder, one per confirmation, atomically.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { KioskError } from '../../shared/errors.js';
import { writeFileAtomic, removeStaleTempFiles } from './atomic-file.js';
import { QUALIFICATION_ERRORS } from './error-codes.js';
import { encodeReceipt, receiptFileName, type ReceiptRecord } from './receipt-xml.js';

export class ReceiptWriter {
  private readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
    try {
      mkdirSync(folder, { recursive: true });
      // Only this kiosk writes here; a temp file at start-up is a leftover of an interrupted write.
      removeStaleTempFiles(folder);
    } catch (cause) {
      throw this.failure(cause);
    }
  }

  /** Writes the file and returns its path. Writing the same confirmation again replaces it. */
  write(record: ReceiptRecord): string {
    const path = join(this.folder, receiptFileName(record));
    try {
      writeFileAtomic(path, encodeReceipt(record));
    } catch (cause) {
      throw this.failure(cause);
    }
    return path;
  }

  private failure(cause: unknown): KioskError {
    return new KioskError(
      QUALIFICATION_ERRORS.RECEIPT_WRITE_FAILED,
      `レセコン連携フォルダに書き込めません (${this.folder})。フォルダと空き容量を確認してください / ` +
        `Cannot write to the レセコン folder (${this.folder}); check the folder and free space.`,
      { cause },
    );
  }
}
