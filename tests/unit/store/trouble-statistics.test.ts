import { describe, expect, it } from 'vitest';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { TROUBLE_CATEGORY_KEYS } from '../../../src/main/store/trouble-categories.js';
import { jstDay } from '../../../src/main/store/trouble-statistics.js';
import { tempDbFile } from './temp-db.js';

describe('trouble statistics by 保団連 survey category', () => {
  it('counts by Japan-time day: 23:30 UTC is already the next day in Tokyo', () => {
    expect(jstDay(Date.UTC(2026, 0, 31, 23, 30))).toBe('2026-02-01');
    expect(jstDay(Date.UTC(2026, 0, 31, 14, 59))).toBe('2026-01-31');
  });

  it('totals each category over a day range and lists every category, zero included', () => {
    const store = openKioskStore(tempDbFile());
    store.troubles.count('unknownCharacters', Date.UTC(2026, 3, 1, 1));
    store.troubles.count('unknownCharacters', Date.UTC(2026, 3, 2, 1));
    store.troubles.count('serviceOutage', Date.UTC(2026, 3, 2, 2));
    store.troubles.count('serviceOutage', Date.UTC(2026, 3, 9, 2));
    const totals = store.troubles.totals('2026-04-01', '2026-04-02');
    expect(Object.keys(totals).sort()).toEqual([...TROUBLE_CATEGORY_KEYS].sort());
    expect(totals.unknownCharacters).toBe(2);
    expect(totals.serviceOutage).toBe(1);
    expect(totals.pinLocked).toBe(0);
    store.close();
  });

  it('exports a CSV with Japanese labels, one row per category', () => {
    const store = openKioskStore(tempDbFile());
    store.troubles.count('certificateExpired', Date.UTC(2026, 3, 1, 1));
    const csv = store.troubles.exportCsv('2026-04-01', '2026-04-30').trim().split('\n');
    expect(csv).toHaveLength(TROUBLE_CATEGORY_KEYS.length + 1);
    expect(csv).toContain('certificateExpired,電子証明書の有効期限切れ,certificate expired,1');
    store.close();
  });
});
