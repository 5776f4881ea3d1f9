/**
 * "Japanese first; other languages by one tap, with catalogues a translator can edit without
 * touching code (a test fails on any missing key)." Japanese is the reference catalogue.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGUAGE_NAMES, translate } from '../../../src/renderer/i18n/catalog.js';
import { LANGUAGES } from '../../../src/shared/languages.js';

const referenceKeys = Object.keys(CATALOGS.ja).sort();

describe('message catalogues', () => {
  it.each(LANGUAGES.filter((l) => l !== 'ja'))('%s has exactly the Japanese keys, none empty', (language) => {
    const catalog = CATALOGS[language];
    expect(Object.keys(catalog).sort()).toEqual(referenceKeys);
    for (const key of referenceKeys) expect(catalog[key]?.trim(), `${language}:${key}`).not.toBe('');
  });

  it.each(LANGUAGES)('%s keeps every {placeholder} of the Japanese text', (language) => {
    for (const key of referenceKeys) {
      const placeholders = (text: string | undefined) => (text?.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(CATALOGS[language][key]), `${language}:${key}`).toEqual(placeholders(CATALOGS.ja[key]));
    }
  });

  it('names every language in that language, so a patient finds theirs without reading Japanese', () => {
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort());
    expect(new Set(Object.values(LANGUAGE_NAMES)).size).toBe(LANGUAGES.length);
  });

  it('fills placeholders with the staff error code', () => {
    expect(translate('ja', 'error.staffCode', { code: 'E-CARD-002' })).toBe('職員の方へ: エラーコード E-CARD-002');
    expect(translate('en', 'error.staffCode', { code: 'E-CARD-002' })).toBe('For staff: error code E-CARD-002');
  });
});
