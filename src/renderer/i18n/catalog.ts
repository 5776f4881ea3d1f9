/**
 * Message catalogues: one JSON file per language in ./locales, editable by a translator without
 * touching code. Japanese is the reference: every other catalogue must carry exactly its keys
 * (tests/unit/renderer/i18n.test.ts fails on any missing or extra key).
 */
import type { Language } from '../../shared/languages.js';
import ja from './locales/ja.json';
import en from './locales/en.json';
import zh from './locales/zh.json';
import ko from './locales/ko.json';
import vi from './locales/vi.json';
import pt from './locales/pt.json';

export type MessageKey = keyof typeof ja;
export type Catalog = Record<MessageKey, string>;

export const CATALOGS: Record<Language, Record<string, string>> = { ja, en, zh, ko, vi, pt };

/** Each language's own name, shown on its button so a patient can find it without reading Japanese. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ja: '日本語',
  en: 'English',
  zh: '中文',
  ko: '한국어',
  vi: 'Tiếng Việt',
  pt: 'Português',
};

export function translate(language: Language, key: MessageKey, params: Record<string, string> = {}): string {
  const template = CATALOGS[language][key] ?? ja[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
