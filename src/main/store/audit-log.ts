/**
 * Audit log (監査ログ): append-only, each row chained to the previous one by SHA-256, so any
 * edit, deletion or reordering of past rows is detected by `verify()`. Rows hold event kinds and
 * small facts (result codes, error codes), never images, PINs or My Numbers.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { KioskError } from '../../shared/errors.js';
import { STORE_ERRORS } from './error-codes.js';
import { assertNoForbiddenFields } from './privacy-guard.js';
import type { KioskDatabase } from './database.js';

/** A flat record of small facts; nesting would invite dumping whole objects into the log. */
export const auditDetailSchema = z.record(z.string(), z.union([z.string().max(512), z.number(), z.boolean(), z.null()]));
export type AuditDetail = z.infer<typeof auditDetailSchema>;

export interface AuditEntry {
  readonly seq: number;
  readonly atMs: number;
  readonly kind: string;
  readonly detail: AuditDetail;
  readonly hash: string;
}

export type ChainVerdict =
  | { readonly ok: true; readonly rows: number; readonly head: string }
  | { readonly ok: false; readonly rows: number; readonly firstBadSeq: number; readonly reason: string };

const GENESIS = '0'.repeat(64);

interface Row {
  seq: number;
  at_ms: number;
  kind: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** The hash covers every column, so changing any of them breaks the chain from that row on. */
function rowHash(prevHash: string, seq: number, atMs: number, kind: string, detailJson: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${atMs}\n${kind}\n${detailJson}`).digest('hex');
}

export class AuditLog {
  private readonly last;
  private readonly insert;
  private readonly all;
  private readonly appendTx;

  constructor(db: KioskDatabase) {
    this.last = db.prepare<[], Pick<Row, 'seq' | 'hash'>>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare<[number, number, string, string, string, string]>(
      'INSERT INTO audit_log (seq, at_ms, kind, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.all = db.prepare<[], Row>('SELECT seq, at_ms, kind, detail, prev_hash, hash FROM audit_log ORDER BY seq');
    // IMMEDIATE: read-head-then-insert must not interleave with another process, or the chain forks.
    const tx = db.transaction((atMs: number, kind: string, detailJson: string): AuditEntry => {
      const head = this.last.get();
      const seq = (head?.seq ?? 0) + 1;
      const prev = head?.hash ?? GENESIS;
      const hash = rowHash(prev, seq, atMs, kind, detailJson);
      this.insert.run(seq, atMs, kind, detailJson, prev, hash);
      return { seq, atMs, kind, detail: JSON.parse(detailJson) as AuditDetail, hash };
    });
    this.appendTx = (atMs: number, kind: string, detailJson: string) => tx.immediate(atMs, kind, detailJson);
  }

  append(kind: string, detail: AuditDetail, atMs: number = Date.now()): AuditEntry {
    const parsed = auditDetailSchema.parse(assertNoForbiddenFields(detail));
    return this.appendTx(atMs, kind, JSON.stringify(parsed));
  }

  entries(): AuditEntry[] {
    return this.all.all().map((r) => ({
      seq: r.seq,
      atMs: r.at_ms,
      kind: r.kind,
      detail: JSON.parse(r.detail) as AuditDetail,
      hash: r.hash,
    }));
  }

  /** Walks the whole chain. Rows must be numbered 1..n with each hash matching its content. */
  verify(): ChainVerdict {
    let prev = GENESIS;
    let expectedSeq = 1;
    let rows = 0;
    for (const r of this.all.iterate()) {
      rows++;
      const bad = (reason: string): ChainVerdict => ({ ok: false, rows, firstBadSeq: r.seq, reason });
      if (r.seq !== expectedSeq) return bad(`expected seq ${expectedSeq}, found ${r.seq} (row missing)`);
      if (r.prev_hash !== prev) return bad('prev_hash does not match the previous row');
      if (rowHash(prev, r.seq, r.at_ms, r.kind, r.detail) !== r.hash) return bad('row content does not match its hash');
      prev = r.hash;
      expectedSeq++;
    }
    return { ok: true, rows, head: prev };
  }

  /** verify() for callers that must stop on a broken chain (start-up, export). */
  assertIntact(): void {
    const verdict = this.verify();
    if (!verdict.ok) {
      throw new KioskError(
        STORE_ERRORS.AUDIT_CHAIN_BROKEN,
        `監査ログが改ざんまたは破損しています (seq ${verdict.firstBadSeq}: ${verdict.reason}) / ` +
          `The audit log was altered or damaged at seq ${verdict.firstBadSeq}: ${verdict.reason}.`,
      );
    }
  }
}
