import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../../../src/main/store/database.js';
import { PendingQueue } from '../../../src/main/store/pending-queue.js';
import { STORE_ERRORS } from '../../../src/main/store/error-codes.js';
import { tempDbFile } from './temp-db.js';

const payload = z.object({ kana: z.string() });
const result = z.object({ validity: z.number() });

function queue(file = tempDbFile()) {
  return new PendingQueue(openDatabase(file), payload, result);
}

describe('pending queue', () => {
  it('claims oldest first and completes with the result', () => {
    const q = queue();
    q.enqueue('a', { kana: 'ヤマダ' }, 1);
    q.enqueue('b', { kana: 'スズキ' }, 2);
    const first = q.claim(60_000, 10);
    expect(first?.payload.kana).toBe('ヤマダ');
    expect(first?.attempts).toBe(1);
    q.complete(first!.id, { validity: 1 }, 11);
    expect(q.open().map((i) => i.key)).toEqual(['b']);
    expect(q.done()[0]).toMatchObject({ key: 'a', status: 'done', result: { validity: 1 }, completedAtMs: 11 });
  });

  it('enqueues a key once, so a retried enqueue after a crash makes no duplicate', () => {
    const q = queue();
    const a = q.enqueue('same', { kana: 'ア' });
    const b = q.enqueue('same', { kana: 'ア' });
    expect(b.id).toBe(a.id);
    expect([a.created, b.created]).toEqual([true, false]);
    expect(q.open()).toHaveLength(1);
  });

  it('does not hand a claimed item to a second claimer while the lease runs', () => {
    const q = queue();
    q.enqueue('a', { kana: 'ア' }, 0);
    expect(q.claim(1000, 100)).toBeDefined();
    expect(q.claim(1000, 500)).toBeUndefined();
  });

  it('reclaims an item whose claimer died (lease expired)', () => {
    const q = queue();
    q.enqueue('a', { kana: 'ア' }, 0);
    q.claim(1000, 100);
    const again = q.claim(1000, 1200);
    expect(again).toMatchObject({ key: 'a', attempts: 2 });
  });

  it('puts a failed attempt back with its error for a later retry', () => {
    const q = queue();
    q.enqueue('a', { kana: 'ア' }, 0);
    const item = q.claim(1000, 1)!;
    q.release(item.id, 'service unreachable');
    expect(q.open()[0]).toMatchObject({ status: 'pending', lastError: 'service unreachable' });
    expect(q.claim(1000, 2)).toMatchObject({ attempts: 2 });
  });

  it('keeps the first result when an item is completed twice', () => {
    const q = queue();
    const item = q.enqueue('a', { kana: 'ア' });
    q.complete(item.id, { validity: 1 });
    q.complete(item.id, { validity: 4 });
    expect(q.get(item.id)?.result).toEqual({ validity: 1 });
  });

  it('gives a typed error for an unknown item and refuses payloads of the wrong shape', () => {
    const q = queue();
    expect(() => q.complete(99, { validity: 1 })).toThrow(expect.objectContaining({ code: STORE_ERRORS.QUEUE_STATE }));
    expect(() => q.enqueue('x', { kana: 3 } as unknown as { kana: string })).toThrow();
  });

  it('keeps queued requests across a reopen', () => {
    const file = tempDbFile();
    const first = queue(file);
    first.enqueue('a', { kana: 'ア' });
    const second = queue(file);
    expect(second.open().map((i) => i.key)).toEqual(['a']);
  });
});
