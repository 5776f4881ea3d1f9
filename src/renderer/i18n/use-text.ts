import { useSession } from '../state/session-store.js';
import { DEFAULT_LANGUAGE } from '../../shared/languages.js';
import { translate, type MessageKey } from './catalog.js';

/** The translate function for the language of the current session. */
export function useText(): (key: MessageKey, params?: Record<string, string>) => string {
  const language = useSession((s) => s.snapshot?.language ?? DEFAULT_LANGUAGE);
  return (key, params) => translate(language, key, params);
}
