/**
 * Durable queue of qualification requests that could not be confirmed yet (未確認). A request is
 * enqueued before reception moves on, claimed by the drainer with a lease, and completed with its
 * result. A process killed while holding a claim loses nothing: the lease expires and the item
 * is claimed again. Enqueue is idempotent on a caller-chosen key, so a retried enqueue after a
 * crash does not produce a duplicate confirmation.
 */
import type { z } from 'zod';
import { KioskError } from '../../shared/errors.js';
import { STORE_ERRORS } from './error-codes.js';
import { assertNoForbiddenFields } from './privacy-guard.js';
import type { KioskDatabase } from './database.js';

export type QueueStatus = 'pending' | 'claimed' | 'done';

export interface QueueItem<P, R> {
  readonly id: number;
  readonly key: string;
  readonly payload: P;
  readonly status: QueueStatus;
  readonly attempts: number;
  readonly enqueuedAtMs: number;
  readonly lastError: string | null;
  readonly result: R | null;
  readonly completedAtMs: number | null;
}

interface Row {
  id: number;
  idempotency_key: string;
  payload: string;
  status: QueueStatus;
  attempts: number;
  enqueued_at_ms: number;
  last_error: string | null;
  result: string | null;
  completed_at_ms: number | null;
}

export class PendingQueue<P, R> {
  private readonly db: KioskDatabase;
  private readonly payloadSchema: z.ZodType<P>;
  private readonly resultSchema: z.ZodType<R>;

  constructor(db: KioskDatabase, payloadSchema: z.ZodType<P>, resultSchema: z.ZodType<R>) {
    this.db = db;
    this.payloadSchema = payloadSchema;
    this.resultSchema = resultSchema;
  }

  /**
   * Stores the request durably (fsynced on return). Returns the item, new or already queued;
   * `created` is false when the key was already there (a retried enqueue after a crash).
   */
  enqueue(key: string, payload: P, nowMs: number = Date.now()): QueueItem<P, R> & { readonly created: boolean } {
    const json = JSON.stringify(assertNoForbiddenFields(this.payloadSchema.parse(payload)));
    const info = this.db
      .prepare('INSERT INTO pending_queue (idempotency_key, payload, enqueued_at_ms, status) VALUES (?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING')
      .run(key, json, nowMs, 'pending');
    const row = this.db.prepare<[string], Row>('SELECT * FROM pending_queue WHERE idempotency_key = ?').get(key);
    if (row === undefined) throw this.stateError(`enqueue of ${key} vanished`);
    return { ...this.toItem(row), created: info.changes === 1 };
  }

  /**
   * Takes the oldest item that is pending or whose previous claim's lease ran out (its claimer
   * died). Returns undefined when nothing is claimable.
   */
  claim(leaseMs: number, nowMs: number = Date.now()): QueueItem<P, R> | undefined {
    const tx = this.db.transaction((): Row | undefined => {
      const row = this.db
        .prepare<[number], Row>(
          `SELECT * FROM pending_queue
            WHERE status = 'pending' OR (status = 'claimed' AND lease_until_ms < ?)
            ORDER BY id LIMIT 1`,
        )
        .get(nowMs);
      if (row === undefined) return undefined;
      this.db
        .prepare("UPDATE pending_queue SET status = 'claimed', attempts = attempts + 1, lease_until_ms = ? WHERE id = ?")
        .run(nowMs + leaseMs, row.id);
      return { ...row, status: 'claimed', attempts: row.attempts + 1 };
    });
    const row = tx.immediate();
    return row === undefined ? undefined : this.toItem(row);
  }

  /** Records the final result. Completing an item twice keeps the first result. */
  complete(id: number, result: R, nowMs: number = Date.now()): void {
    const json = JSON.stringify(assertNoForbiddenFields(this.resultSchema.parse(result)));
    const info = this.db
      .prepare("UPDATE pending_queue SET status = 'done', result = ?, completed_at_ms = ?, lease_until_ms = NULL WHERE id = ? AND status != 'done'")
      .run(json, nowMs, id);
    if (info.changes === 0 && this.get(id) === undefined) throw this.stateError(`no queue item ${id}`);
  }

  /** Gives a claimed item back after a failed attempt, so it is retried later. */
  release(id: number, error: string): void {
    this.db
      .prepare("UPDATE pending_queue SET status = 'pending', lease_until_ms = NULL, last_error = ? WHERE id = ? AND status = 'claimed'")
      .run(error.slice(0, 512), id);
  }

  get(id: number): QueueItem<P, R> | undefined {
    const row = this.db.prepare<[number], Row>('SELECT * FROM pending_queue WHERE id = ?').get(id);
    return row === undefined ? undefined : this.toItem(row);
  }

  /** Items not yet confirmed (pending or claimed), oldest first: the staff "pending" list. */
  open(): QueueItem<P, R>[] {
    return this.db
      .prepare<[], Row>("SELECT * FROM pending_queue WHERE status != 'done' ORDER BY id")
      .all()
      .map((r) => this.toItem(r));
  }

  done(): QueueItem<P, R>[] {
    return this.db
      .prepare<[], Row>("SELECT * FROM pending_queue WHERE status = 'done' ORDER BY id")
      .all()
      .map((r) => this.toItem(r));
  }

  private toItem(row: Row): QueueItem<P, R> {
    return {
      id: row.id,
      key: row.idempotency_key,
      payload: this.payloadSchema.parse(JSON.parse(row.payload)),
      status: row.status,
      attempts: row.attempts,
      enqueuedAtMs: row.enqueued_at_ms,
      lastError: row.last_error,
      result: row.result === null ? null : this.resultSchema.parse(JSON.parse(row.result)),
      completedAtMs: row.completed_at_ms,
    };
  }

  private stateError(detail: string): KioskError {
    return new KioskError(STORE_ERRORS.QUEUE_STATE, `未確認キューの状態が不正です (${detail}) / Pending queue state error: ${detail}.`);
  }
}
