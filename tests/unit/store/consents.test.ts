import { describe, expect, it } from 'vitest';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { CONSENT_VALIDITY_MS } from '../../../src/main/store/consents.js';
import { tempDbFile } from './temp-db.js';

const T0 = Date.UTC(2026, 10, 26, 1, 0, 0);
const SUBJECT = 'cert-sha256-0f1e2d3c';

describe('consents (同意は24時間有効)', () => {
  it('is on file from the moment it is given until just before 24 hours have passed', () => {
    const store = openKioskStore(tempDbFile());
    store.consents.record({ subjectKey: SUBJECT, givenAtMs: T0, items: ['medication', 'checkup'], prescription: 'electronic' });
    expect(store.consents.validAt(SUBJECT, T0 - 1)).toBeUndefined();
    expect(store.consents.validAt(SUBJECT, T0)?.items).toEqual(['medication', 'checkup']);
    expect(store.consents.validAt(SUBJECT, T0 + CONSENT_VALIDITY_MS - 1)?.prescription).toBe('electronic');
    expect(store.consents.validAt(SUBJECT, T0 + CONSENT_VALIDITY_MS)).toBeUndefined();
    store.close();
  });

  it('belongs to one card only', () => {
    const store = openKioskStore(tempDbFile());
    store.consents.record({ subjectKey: SUBJECT, givenAtMs: T0, items: ['surgery'], prescription: null });
    expect(store.consents.validAt('another-cert-key', T0 + 1)).toBeUndefined();
    store.close();
  });

  it('uses the newest consent when the patient changed it by checking in again', () => {
    const store = openKioskStore(tempDbFile());
    store.consents.record({ subjectKey: SUBJECT, givenAtMs: T0, items: ['surgery', 'medication'], prescription: null });
    store.consents.record({ subjectKey: SUBJECT, givenAtMs: T0 + 3_600_000, items: [], prescription: 'paper' });
    expect(store.consents.validAt(SUBJECT, T0 + 7_200_000)).toMatchObject({ items: [], prescription: 'paper' });
    // Before the change, the first consent was the one in force.
    expect(store.consents.validAt(SUBJECT, T0 + 60_000)?.items).toEqual(['surgery', 'medication']);
    store.close();
  });
});
