import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { PendingQueue } from '../../../src/main/store/pending-queue.js';
import { tempDbFile } from './temp-db.js';

const DAY = 86_400_000;

describe('retention and purge of personal data', () => {
  it('deletes confirmed results and consents older than the retention, keeps open items and the audit chain', () => {
    const store = openKioskStore(tempDbFile());
    store.settings.set('retentionDays', 30);
    const q = new PendingQueue(store.db, z.object({ kana: z.string() }), z.object({ ok: z.boolean() }));
    const now = 100 * DAY;
    const old = q.enqueue('old', { kana: 'フルイ' }, now - 40 * DAY);
    q.complete(old.id, { ok: true }, now - 40 * DAY);
    const recent = q.enqueue('recent', { kana: 'アタラシイ' }, now - 2 * DAY);
    q.complete(recent.id, { ok: true }, now - 2 * DAY);
    q.enqueue('still-open', { kana: 'マチ' }, now - 60 * DAY);
    store.consents.record({ subjectKey: 'subject-old', givenAtMs: now - 45 * DAY, items: [], prescription: null });
    store.consents.record({ subjectKey: 'subject-new', givenAtMs: now - 1000, items: [], prescription: null });
    store.audit.append('purge.before', {}, now - 40 * DAY);

    expect(store.purge(now)).toEqual({ queueItems: 1, consents: 1, declarations: 0 });
    expect(q.done().map((i) => i.key)).toEqual(['recent']);
    expect(q.open().map((i) => i.key)).toEqual(['still-open']);
    expect(store.consents.validAt('subject-new', now)).toBeDefined();
    expect(store.audit.verify()).toMatchObject({ ok: true, rows: 1 });
    store.close();
  });
});
