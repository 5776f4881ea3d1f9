/**
 * The small vocabulary every rule module uses to move the session: allocate ids, enter a
 * phase (which swaps the phase's guard timer and closes the camera when leaving face matching),
 * update a phase in place, and touch the patient record.
 */
import type { SessionConfig } from './config.js';
import type { SessionEffect } from './effects.js';
import type { Patient, Phase, PhaseName, SessionState } from './state.js';

/** One transition: the next state and what the runner must do. */
export interface Step {
  readonly state: SessionState;
  readonly effects: readonly SessionEffect[];
}

/**
 * How long each phase may wait before its timeout rule runs (src/main/session/timeouts.ts).
 * Standby waits for a card forever; every other phase is guarded.
 */
function timeoutFor(config: SessionConfig, name: PhaseName): number | null {
  const t = config.timeoutsMs;
  switch (name) {
    case 'standby':
      return null;
    case 'reading':
      return t.reading;
    case 'error':
      return t.error;
    case 'face':
      return t.face;
    case 'pin-verifying':
    case 'registering':
    case 'staff-passcode-verifying':
      return t.device;
    case 'staff-needed':
    case 'staff-passcode':
    case 'visual-check':
      return t.staff;
    case 'querying':
      return t.qualification;
    case 'card-unusable':
    case 'done':
      return t.reminder;
    case 'registration-terms':
    case 'registration-complete':
    case 'method-choice':
    case 'face-failed':
    case 'pin-entry':
    case 'expiry-notice':
    case 'consent-choice':
    case 'consent-items':
    case 'e-prescription':
      return t.patient;
  }
}

/** A fresh id for a request or timer, and the state that has used it up. */
export function allocateId(state: SessionState): [number, SessionState] {
  return [state.nextId, { ...state, nextId: state.nextId + 1 }];
}

/** Cancel the running guard timer, if any. */
export function cancelTimer(state: SessionState): Step {
  if (state.timer === null) return { state, effects: [] };
  return { state: { ...state, timer: null }, effects: [{ type: 'cancel-timer', id: state.timer }] };
}

/** Start a guard timer of `ms` for the current phase, replacing any running one. */
export function startTimer(state: SessionState, ms: number): Step {
  const cancelled = cancelTimer(state);
  const [n, next] = allocateId(cancelled.state);
  const id = `timer-${n}`;
  return { state: { ...next, timer: id }, effects: [...cancelled.effects, { type: 'start-timer', id, ms }] };
}

/**
 * Move to `phase`: the camera closes if face matching is left, `effects` run, and the new
 * phase's guard timer starts (a re-entered phase gets a fresh timer: the patient is active).
 */
export function enter(state: SessionState, phase: Phase, effects: readonly SessionEffect[] = []): Step {
  const leavingFace = state.phase.name === 'face' && phase.name !== 'face';
  const moved: SessionState = { ...state, phase };
  const ms = timeoutFor(state.config, phase.name);
  const timer = ms === null ? cancelTimer(moved) : startTimer(moved, ms);
  return {
    state: timer.state,
    effects: [...(leavingFace ? [{ type: 'stop-face-match' } as const] : []), ...effects, ...timer.effects],
  };
}

/** Change the current phase's data without touching its timer (e.g. a new face hint). */
export function stay(state: SessionState, phase: Phase): Step {
  return { state: { ...state, phase }, effects: [] };
}

/** The patient record, which every phase after card-read has. */
export function patientOf(state: SessionState): Patient {
  if (state.patient === null) throw new Error(`session invariant: no patient in phase ${state.phase.name}`);
  return state.patient;
}

export function withPatient(state: SessionState, changes: Partial<Patient>): SessionState {
  return { ...state, patient: { ...patientOf(state), ...changes } };
}

/**
 * Append effects after a step. (Never name an export `then`: a module namespace with a `then`
 * export is a thenable, and every `await import()` of it, as test runners do, calls it.)
 */
export function withEffects(step: Step, ...effects: readonly SessionEffect[]): Step {
  return { state: step.state, effects: [...step.effects, ...effects] };
}
