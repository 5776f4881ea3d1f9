import { describe, expect, it } from 'vitest';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { DEFAULT_SETTINGS } from '../../../src/main/store/settings.js';
import { STORE_ERRORS } from '../../../src/main/store/error-codes.js';
import { tempDbFile } from './temp-db.js';

describe('settings', () => {
  it('starts with usable defaults on a fresh kiosk', () => {
    const store = openKioskStore(tempDbFile());
    expect(store.settings.getAll()).toEqual(DEFAULT_SETTINGS);
    store.close();
  });

  it('keeps a changed setting across a restart', () => {
    const file = tempDbFile();
    const store = openKioskStore(file);
    store.settings.set('medicalInstitutionCode', '1312345678');
    store.settings.set('consentItems', ['medication']);
    store.close();
    const reopened = openKioskStore(file);
    expect(reopened.settings.get('medicalInstitutionCode')).toBe('1312345678');
    expect(reopened.settings.get('consentItems')).toEqual(['medication']);
    reopened.close();
  });

  it('refuses invalid values with a staff error code and keeps the old value', () => {
    const store = openKioskStore(tempDbFile());
    expect(() => store.settings.set('medicalInstitutionCode', '12345')).toThrow(
      expect.objectContaining({ code: STORE_ERRORS.INVALID_SETTING }),
    );
    expect(() => store.settings.set('retentionDays', 0)).toThrow(expect.objectContaining({ code: STORE_ERRORS.INVALID_SETTING }));
    expect(store.settings.get('medicalInstitutionCode')).toBe(DEFAULT_SETTINGS.medicalInstitutionCode);
    store.close();
  });

  it('falls back to the default when a stored value was damaged by hand', () => {
    const store = openKioskStore(tempDbFile());
    store.db.prepare("INSERT INTO settings (key, value) VALUES ('retentionDays', '\"many\"')").run();
    expect(store.settings.get('retentionDays')).toBe(DEFAULT_SETTINGS.retentionDays);
    store.close();
  });
});

describe('settings the admin screen edits', () => {
  it('refuses a language list without Japanese and a restart window under 5 minutes', () => {
    const store = openKioskStore(tempDbFile());
    expect(() => store.settings.set('languagesOffered', ['en'])).toThrow(expect.objectContaining({ code: STORE_ERRORS.INVALID_SETTING }));
    const schedule = store.settings.get('restartSchedule');
    expect(() => store.settings.set('restartSchedule', { ...schedule, windowMinutes: 2 })).toThrow(
      expect.objectContaining({ code: STORE_ERRORS.INVALID_SETTING }),
    );
    expect(store.settings.get('languagesOffered')).toEqual(['ja', 'en', 'zh', 'ko', 'vi', 'pt']);
    expect(store.settings.get('restartSchedule')).toEqual(schedule);
    store.close();
  });

  it('starts with no credentials set, so the first-run wizard is needed', () => {
    const store = openKioskStore(tempDbFile());
    expect(store.settings.get('staffCredential').hash).toBeNull();
    expect(store.settings.get('adminCredential').hash).toBeNull();
    store.close();
  });
});
