/**
 * Runs the pure session reducer: feeds it events, keeps the one current state, hands the effects
 * it returns to the effect runner, and tells subscribers about every new snapshot. The effect
 * runner reports back only through `dispatchEvent`, so every change of state goes through the
 * reducer and can be replayed in a test.
 */
import type { SessionSnapshot } from '../../shared/snapshot.js';

export interface SessionMachine<State, Event, Effect> {
  initial: State;
  reduce(state: State, event: Event): { state: State; effects: readonly Effect[] };
  toSnapshot(state: State): SessionSnapshot;
}

export interface EffectRunner<Event, Effect> {
  run(effect: Effect, dispatch: (event: Event) => void): void;
  close(): Promise<void>;
}

export interface SessionRunner<Event> {
  snapshot(): SessionSnapshot;
  dispatchEvent(event: Event): void;
  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
  close(): Promise<void>;
}

export function createSessionRunner<State, Event, Effect>(
  machine: SessionMachine<State, Event, Effect>,
  effects: EffectRunner<Event, Effect>,
  onListenerError: (err: unknown) => void,
): SessionRunner<Event> {
  let state = machine.initial;
  let seq = 0;
  let snapshot = machine.toSnapshot(state);
  const listeners = new Set<(snapshot: SessionSnapshot) => void>();
  // Events raised while effects run are queued, so the reducer never re-enters itself.
  const queue: Event[] = [];
  let draining = false;

  function dispatchEvent(event: Event) {
    queue.push(event);
    if (draining) return;
    draining = true;
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) step(next);
    } finally {
      draining = false;
    }
  }

  function step(event: Event) {
    const result = machine.reduce(state, event);
    const changed = result.state !== state;
    state = result.state;
    if (changed) {
      seq += 1;
      // The runner owns the sequence number: it counts what subscribers have been sent.
      snapshot = { ...machine.toSnapshot(state), seq };
      for (const listener of listeners) {
        try {
          listener(snapshot);
        } catch (err) {
          onListenerError(err);
        }
      }
    }
    for (const effect of result.effects) effects.run(effect, dispatchEvent);
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
