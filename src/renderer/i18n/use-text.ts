import { useSession } from '../state/session-store.js';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/languages.js';
import { translate, type MessageKey } from './catalog.js';

export type Translate = (key: MessageKey, params?: Record<string, string>) => string;

/** The language of the current session (Japanese until the first snapshot arrives). */
export function useLanguage(): Language {
  return useSession((s) => s.snapshot?.language ?? DEFAULT_LANGUAGE);
}

/** The translate function for the language of the current session. */
export function useText(): Translate {
  const language = useLanguage();
  return (key, params) => translate(language, key, params);
}
