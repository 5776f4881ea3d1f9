/**
 * Opens the kiosk's SQLite file. Everything in it must survive a power cut at any moment
 * (audit events, pending confirmations, consents), so the whole connection runs WAL with
 * synchronous=FULL: SQLite sets durability per connection, not per table, and the tables that
 * could tolerate loss (settings, counters) are written rarely enough that FULL costs nothing.
 */
import Database from 'better-sqlite3';
import { KioskError } from '../../shared/errors.js';
import { STORE_ERRORS } from './error-codes.js';
import { migrate } from './migrations.js';

export type KioskDatabase = Database.Database;

export function openDatabase(file: string): KioskDatabase {
  let db: KioskDatabase;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Another kiosk process (the queue drainer after a restart) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (cause) {
    if (cause instanceof KioskError) throw cause;
    throw new KioskError(
      STORE_ERRORS.OPEN_FAILED,
      `データベースを開けません (${file})。ディスクと権限を確認してください / ` +
        `Cannot open the database (${file}); check the disk and permissions.`,
      { cause },
    );
  }
  return db;
}
