import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { STORE_ERRORS } from '../../../src/main/store/error-codes.js';
import { tempDbFile } from './temp-db.js';

function storeWithEvents(n: number) {
  const store = openKioskStore(tempDbFile());
  for (let i = 0; i < n; i++) store.audit.append('qualification.confirmed', { validity: (i % 6) + 1, queued: i % 2 === 0 }, 1_700_000_000_000 + i);
  return store;
}

describe('audit log hash chain', () => {
  it('verifies an untouched log and reports its length and head', () => {
    const store = storeWithEvents(5);
    const verdict = store.audit.verify();
    expect(verdict).toMatchObject({ ok: true, rows: 5 });
    expect(verdict.ok && verdict.head).toBe(store.audit.entries()[4]?.hash);
    store.close();
  });

  it('detects an edited detail at the edited row', () => {
    const store = storeWithEvents(5);
    store.db.prepare('UPDATE audit_log SET detail = ? WHERE seq = 3').run('{"validity":1,"queued":false}');
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 3 });
    expect(() => store.audit.assertIntact()).toThrow(expect.objectContaining({ code: STORE_ERRORS.AUDIT_CHAIN_BROKEN }));
    store.close();
  });

  it('detects a deleted row in the middle', () => {
    const store = storeWithEvents(5);
    store.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 3 });
    store.close();
  });

  it('detects any change to any column of any row (property)', () => {
    const store = storeWithEvents(6);
    const columns = ['at_ms', 'kind', 'detail', 'prev_hash', 'hash'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...columns), (seq, column) => {
        const original = store.db.prepare(`SELECT ${column} FROM audit_log WHERE seq = ?`).pluck().get(seq) as string | number;
        const changed = typeof original === 'number' ? original + 1 : `${original}x`;
        store.db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(changed, seq);
        const verdict = store.audit.verify();
        store.db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(original, seq);
        return !verdict.ok && verdict.firstBadSeq === seq;
      }),
      { numRuns: 60 },
    );
    expect(store.audit.verify().ok).toBe(true);
    store.close();
  });

  it('continues the same chain after a restart', () => {
    const file = tempDbFile();
    const first = openKioskStore(file);
    first.audit.append('kiosk.started', {});
    first.close();
    const second = openKioskStore(file);
    second.audit.append('kiosk.started', {});
    expect(second.audit.verify()).toMatchObject({ ok: true, rows: 2 });
    second.close();
  });

  it('refuses a PIN, an image or a My Number in an event', () => {
    const store = openKioskStore(tempDbFile());
    const forbidden: Record<string, string | number>[] = [{ pin: '1234' }, { faceImage: 'x' }, { myNumber: '123456789012' }, { chipPhotoBytes: 3 }];
    for (const detail of forbidden) {
      expect(() => store.audit.append('bad', detail)).toThrow(expect.objectContaining({ code: STORE_ERRORS.FORBIDDEN_FIELD }));
    }
    expect(store.audit.verify()).toMatchObject({ ok: true, rows: 0 });
    store.close();
  });
});
