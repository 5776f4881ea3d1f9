/**
 * Issue 8, admin settings: "languages offered … take effect without a restart where possible".
 * The facility's list travels with the session snapshot: the session refuses a language it does
 * not offer, a list saved at standby shows at once, a patient in the middle of a visit keeps the
 * list their visit started with, and the language buttons show exactly the offered languages.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { DEFAULT_SESSION_CONFIG } from '../../../src/main/session/config.js';
import type { Language } from '../../../src/shared/languages.js';
import { LanguageButtons } from '../../../src/renderer/components/SettingsBar.js';
import { Kiosk } from '../session/kiosk-harness.js';

const saved = (languagesOffered: Language[]) => ({ type: 'settings-changed', config: { ...DEFAULT_SESSION_CONFIG, languagesOffered } }) as const;

describe('the session offers only the facility languages', () => {
  it('lists them on standby and refuses a language that is not offered', () => {
    const kiosk = new Kiosk({ languagesOffered: ['ja', 'en', 'pt'] });
    expect(kiosk.on('standby').languages).toEqual(['ja', 'en', 'pt']);
    expect(kiosk.intent({ type: 'set-language', language: 'zh' }).handled).toBe(false);
    expect(kiosk.snapshot.language).toBe('ja');
    expect(kiosk.intent({ type: 'set-language', language: 'pt' }).handled).toBe(true);
    expect(kiosk.snapshot.language).toBe('pt');
  });

  it('a list saved at standby shows at once; a patient-chosen language switched off falls back to Japanese', () => {
    const kiosk = new Kiosk();
    kiosk.intent({ type: 'set-language', language: 'vi' });
    const before = kiosk.snapshot.seq;
    kiosk.send(saved(['ja', 'en']));
    expect(kiosk.on('standby')).toMatchObject({ language: 'ja', languages: ['ja', 'en'] });
    expect(kiosk.snapshot.seq).toBeGreaterThan(before);
    // Back at the defaults: the idle timer that would have reset the choice is no longer needed.
    expect(kiosk.lastEffects).toEqual([expect.objectContaining({ type: 'cancel-timer' })]);
    expect(kiosk.intent({ type: 'set-language', language: 'vi' }).handled).toBe(false);
  });

  it('a save that changes nothing on screen sends no new snapshot', () => {
    const kiosk = new Kiosk({ languagesOffered: ['ja', 'en'] });
    const before = kiosk.snapshot.seq;
    expect(kiosk.send(saved(['ja', 'en'])).handled).toBe(true);
    expect(kiosk.snapshot.seq).toBe(before);
  });

  it('a patient in the middle of a visit keeps the list and the language their visit started with', () => {
    const kiosk = new Kiosk().insert();
    kiosk.intent({ type: 'set-language', language: 'ko' });
    expect(kiosk.send(saved(['ja'])).handled).toBe(false);
    expect(kiosk.on('method-choice')).toMatchObject({ language: 'ko', languages: ['ja', 'en', 'zh', 'ko', 'vi', 'pt'] });
  });
});

function languageButtons(offered: Language[], current: Language = 'ja'): string[] {
  const html = renderToStaticMarkup(<LanguageButtons offered={offered} current={current} label="言語" />);
  return [...html.matchAll(/<button[^>]*lang="([a-z]+)"[^>]*aria-pressed="(true|false)"[^>]*>/g)].map((m) => `${m[1] ?? ''}${m[2] === 'true' ? '*' : ''}`);
}

describe('the language buttons (SettingsBar)', () => {
  it('show the offered languages only, in the usual order whatever order the setting has, the current one pressed', () => {
    expect(languageButtons(['ja', 'vi', 'en'], 'vi')).toEqual(['ja', 'en', 'vi*']);
  });

  it('show no language choice at all when only Japanese is offered', () => {
    expect(renderToStaticMarkup(<LanguageButtons offered={['ja']} current="ja" label="言語" />)).toBe('');
  });
});
