/**
 * Versioned schema migrations. The database's `user_version` pragma records how many of these
 * have run; each migration runs once, inside a transaction, in order. Never edit a shipped
 * migration: add a new one, so every kiosk in the field reaches the same schema.
 */
import type Database from 'better-sqlite3';
import { KioskError } from '../../shared/errors.js';
import { STORE_ERRORS } from './error-codes.js';

interface Migration {
  /** What the migration is for, shown in errors. */
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'initial schema: settings, audit log, pending queue, consents, trouble statistics',
    sql: `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY,
        at_ms     INTEGER NOT NULL,
        kind      TEXT NOT NULL,
        detail    TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE pending_queue (
        id              INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload         TEXT NOT NULL,
        enqueued_at_ms  INTEGER NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('pending', 'claimed', 'done')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        lease_until_ms  INTEGER,
        last_error      TEXT,
        result          TEXT,
        completed_at_ms INTEGER
      ) STRICT;
      CREATE INDEX pending_queue_status ON pending_queue (status, id);

      CREATE TABLE consents (
        id             INTEGER PRIMARY KEY,
        subject_key    TEXT NOT NULL,
        given_at_ms    INTEGER NOT NULL,
        expires_at_ms  INTEGER NOT NULL,
        items          TEXT NOT NULL,
        prescription   TEXT
      ) STRICT;
      CREATE INDEX consents_subject ON consents (subject_key, expires_at_ms);

      CREATE TABLE trouble_counts (
        category TEXT NOT NULL,
        day      TEXT NOT NULL,
        count    INTEGER NOT NULL,
        PRIMARY KEY (category, day)
      ) STRICT;
    `,
  },
  {
    name: '被保険者資格申立書 records (fallback when the qualification cannot be confirmed)',
    sql: `
      CREATE TABLE declarations (
        id            INTEGER PRIMARY KEY,
        request_id    TEXT NOT NULL,
        created_at_ms INTEGER NOT NULL,
        record        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX declarations_request ON declarations (request_id);
    `,
  },
  {
    name: 'restart history (定期再起動の履歴) for the scheduler and the admin screen',
    sql: `
      CREATE TABLE restart_history (
        id          INTEGER PRIMARY KEY,
        slot_at_ms  INTEGER NOT NULL,
        at_ms       INTEGER NOT NULL,
        outcome     TEXT NOT NULL CHECK (outcome IN ('started', 'completed', 'failed', 'skipped')),
        action      TEXT NOT NULL,
        reason      TEXT,
        error_code  TEXT
      ) STRICT;
      CREATE INDEX restart_history_slot ON restart_history (slot_at_ms);
    `,
  },
];

/** Brings the database up to the latest schema. Refuses a database from a newer kiosk. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new KioskError(
      STORE_ERRORS.SCHEMA_TOO_NEW,
      `データベースが新しい版で作成されています (schema ${current})。キオスクを更新してください / ` +
        `The database was written by a newer kiosk (schema ${current}); update this kiosk.`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    const migration = MIGRATIONS[version];
    if (migration === undefined) break;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
