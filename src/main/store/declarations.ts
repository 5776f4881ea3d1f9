/**
 * Stored 被保険者資格申立書 records. The record's shape belongs to the fallback module
 * (src/main/qualification/fallback); the store only keeps it durably, validated on the way in
 * and out, and purges it with the other personal data.
 */
import type { z } from 'zod';
import { assertNoForbiddenFields } from './privacy-guard.js';
import type { KioskDatabase } from './database.js';

export interface StoredDeclaration<T> {
  readonly id: number;
  readonly requestId: string;
  readonly createdAtMs: number;
  readonly record: T;
}

export class DeclarationStore<T> {
  private readonly db: KioskDatabase;
  private readonly schema: z.ZodType<T>;

  constructor(db: KioskDatabase, schema: z.ZodType<T>) {
    this.db = db;
    this.schema = schema;
  }

  save(requestId: string, record: T, nowMs: number = Date.now()): StoredDeclaration<T> {
    const parsed = this.schema.parse(assertNoForbiddenFields(record));
    const info = this.db
      .prepare('INSERT INTO declarations (request_id, created_at_ms, record) VALUES (?, ?, ?)')
      .run(requestId, nowMs, JSON.stringify(parsed));
    return { id: Number(info.lastInsertRowid), requestId, createdAtMs: nowMs, record: parsed };
  }

  /** The latest record for a request (staff may correct a declaration; the newest wins). */
  latestFor(requestId: string): StoredDeclaration<T> | undefined {
    const row = this.db
      .prepare<[string], { id: number; request_id: string; created_at_ms: number; record: string }>(
        'SELECT id, request_id, created_at_ms, record FROM declarations WHERE request_id = ? ORDER BY id DESC LIMIT 1',
      )
      .get(requestId);
    if (row === undefined) return undefined;
    return { id: row.id, requestId: row.request_id, createdAtMs: row.created_at_ms, record: this.schema.parse(JSON.parse(row.record)) };
  }
}
