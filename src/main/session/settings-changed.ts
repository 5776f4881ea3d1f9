/**
 * Facility settings saved on the admin screen while the kiosk waits at standby: the standby
 * screen shows them at once (the language buttons), without a restart. During a visit nothing
 * changes: a patient keeps the settings their visit started with, and the composition root hands
 * the session the current settings again at the next card insertion.
 */
import type { SessionConfig } from './config.js';
import { keepOfferedLanguage } from './preferences.js';
import type { SessionState } from './state.js';
import type { Step } from './transition.js';

export function settingsChanged(state: SessionState, config: SessionConfig): Step | null {
  if (state.phase.name !== 'standby') return null;
  return keepOfferedLanguage({ ...state, config });
}
