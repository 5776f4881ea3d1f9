/**
 * Runs the pure session reducer: feeds it events, keeps the one current state, hands the effects
 * it returns to the effect runner, and tells subscribers about every new snapshot. The effect
 * runner reports back only through `dispatchEvent`, so every change of state goes through the
 * reducer and can be replayed in a test.
 */
import type { SessionSnapshot } from '../../shared/snapshot.js';

export interface SessionMachine<State, Event, Effect> {
  initial: State;
  /** `handled: false` means the event did not fit the current screen and changed nothing. */
  reduce(state: State, event: Event): { state: State; effects: readonly Effect[]; handled: boolean };
  /** Changes whenever the screen may look different; a clock tick alone does not change it. */
  revision(state: State): number;
  toSnapshot(state: State): SessionSnapshot;
}

export interface EffectRunner<Event, Effect> {
  run(effect: Effect, dispatch: (event: Event) => void): void;
  close(): Promise<void>;
}

export interface SessionRunner<Event> {
  snapshot(): SessionSnapshot;
  /**
   * Feeds one event. Returns whether the reducer accepted it, or undefined when it was queued
   * behind events still being processed (an effect answering synchronously).
   */
  dispatchEvent(event: Event): boolean | undefined;
  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
  close(): Promise<void>;
}

export function createSessionRunner<State, Event, Effect>(
  machine: SessionMachine<State, Event, Effect>,
  effects: EffectRunner<Event, Effect>,
  onListenerError: (err: unknown) => void,
): SessionRunner<Event> {
  let state = machine.initial;
  let snapshot = machine.toSnapshot(state);
  const listeners = new Set<(snapshot: SessionSnapshot) => void>();
  // Events raised while effects run are queued, so the reducer never re-enters itself.
  const queue: Event[] = [];
  let draining = false;

  function dispatchEvent(event: Event): boolean | undefined {
    if (draining) {
      queue.push(event);
      return undefined;
    }
    draining = true;
    try {
      const handled = step(event);
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) step(next);
      return handled;
    } finally {
      draining = false;
    }
  }

  function step(event: Event): boolean {
    const result = machine.reduce(state, event);
    const changed = machine.revision(result.state) !== machine.revision(state);
    state = result.state;
    if (changed) {
      snapshot = machine.toSnapshot(state);
      for (const listener of listeners) {
        try {
          listener(snapshot);
        } catch (err) {
          onListenerError(err);
        }
      }
    }
    for (const effect of result.effects) effects.run(effect, dispatchEvent);
    return result.handled;
  }

  return {
    snapshot: () => snapshot,
    dispatchEvent,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await effects.close();
    },
  };
}
