/**
 * Language and large-text mode (PRODUCT.md §2: Japanese first, other languages one tap away).
 * They are the patient's own choice, so they reset when the session ends; a choice made on
 * standby without a card falls back to the defaults after a while, so the next patient starts
 * in Japanese.
 */
import { DEFAULT_LANGUAGE, type Language } from '../../shared/languages.js';
import type { SessionState } from './state.js';
import { cancelTimer, startTimer, type Step } from './transition.js';

/** Only a language the facility offers (a stale or forged request for another is refused). */
export function setLanguage(state: SessionState, language: Language): Step | null {
  if (!state.config.languagesOffered.includes(language)) return null;
  return guardStandby({ ...state, language });
}

export function setLargeText(state: SessionState, on: boolean): Step {
  return guardStandby({ ...state, largeText: on });
}

/** After the facility stopped offering the language picked at standby: back to Japanese. */
export function keepOfferedLanguage(state: SessionState): Step {
  if (state.config.languagesOffered.includes(state.language)) return { state, effects: [] };
  return guardStandby({ ...state, language: DEFAULT_LANGUAGE });
}

/** On standby, a non-default choice arms the idle timer; back at the defaults, it is dropped. */
function guardStandby(state: SessionState): Step {
  if (state.phase.name !== 'standby') return { state, effects: [] };
  const isDefault = state.language === DEFAULT_LANGUAGE && !state.largeText;
  return isDefault ? cancelTimer(state) : startTimer(state, state.config.timeoutsMs.standbyIdle);
}

export function standbyIdle(state: SessionState): Step {
  return { state: { ...state, language: DEFAULT_LANGUAGE, largeText: false, timer: null }, effects: [] };
}
