/**
 * Heals a dead reader stack without a person (PRODUCT.md §3.6). Each attempt: if pcscd answers,
 * re-establish the PC/SC context, then reconnect the reader monitor; healthy once a reader is
 * listed. While pcscd is gone, attempts back off from 100 ms to a 250 ms cap: such an attempt
 * costs one failed socket connect, and the short cap brings the kiosk back a moment after pcscd
 * returns. With pcscd up but no reader, each attempt opens a new context, so those back off
 * further (to 5 s) to avoid churning pcscd while someone finds the cable. If the stack stays
 * dead for `escalateAfterMs`, the configured restart runs once per episode, when no patient is at
 * the kiosk. Staff see the state (healing, since when, attempt, next try) on the diagnostics page.
 */
import { KioskError } from '../../shared/errors.js';
import type { OpsClock } from './clock.js';
import { OPS_ERRORS } from './error-codes.js';
import type { KioskActivity } from './kiosk-activity.js';
import type { ReaderStack } from './reader-stack.js';

export type HealStep = 'wait-for-pcscd' | 'reestablish-context' | 'reconnect' | 'wait-for-reader';

export type HealState =
  | { readonly state: 'healthy'; readonly lastHealMs: number | null }
  | {
      readonly state: 'healing';
      readonly since: Date;
      readonly attempt: number;
      /** The step the last attempt stopped at. */
      readonly step: HealStep;
      readonly nextAttemptAt: Date;
      readonly escalated: boolean;
      /** E-OPS-010 while pcscd is down, E-OPS-009 while no reader is listed. */
      readonly code: string;
    };

export interface HealPolicy {
  readonly initialDelayMs: number;
  /** Cap while waiting for pcscd (cheap attempts). */
  readonly maxDelayMs: number;
  /** Cap while pcscd is up but lists no reader (each attempt opens a context). */
  readonly readerMissingMaxDelayMs: number;
  readonly escalateAfterMs: number;
}

export const DEFAULT_HEAL_POLICY: HealPolicy = { initialDelayMs: 100, maxDelayMs: 250, readerMissingMaxDelayMs: 5_000, escalateAfterMs: 120_000 };

export interface ReaderHealerDeps {
  readonly stack: ReaderStack;
  readonly clock: OpsClock;
  readonly activity: KioskActivity;
  /** The configured restart (the scheduler's runner with the current action). */
  readonly escalate: () => Promise<void>;
  readonly policy?: HealPolicy;
  /** Heal events for the log (codes and durations only). */
  readonly log?: (event: { kind: 'heal-started' | 'healed' | 'heal-escalated' | 'heal-escalation-failed'; code?: string; durationMs?: number }) => void;
}

export class ReaderHealer {
  private heal: HealState = { state: 'healthy', lastHealMs: null };
  private cancelTimer: (() => void) | undefined;
  private attempting = false;
  private readonly listeners = new Set<(s: HealState) => void>();
  private readonly unsubscribeDown: () => void;
  private readonly unsubscribeIdle: () => void;

  constructor(private readonly deps: ReaderHealerDeps) {
    this.unsubscribeDown = deps.stack.onDown(() => this.trigger());
    this.unsubscribeIdle = deps.activity.onIdle(() => void this.maybeEscalate());
  }

  current(): HealState {
    return this.heal;
  }

  onChange(listener: (s: HealState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Start healing (the stack reported down, or a watchdog check went red). Idempotent. */
  trigger(): void {
    if (this.heal.state === 'healing') return;
    const now = this.deps.clock.now();
    this.set({ state: 'healing', since: now, attempt: 0, step: 'wait-for-pcscd', nextAttemptAt: now, escalated: false, code: OPS_ERRORS.PCSCD_DOWN.code });
    this.deps.log?.({ kind: 'heal-started' });
    void this.attempt();
  }

  stop(): void {
    this.cancelTimer?.();
    this.unsubscribeDown();
    this.unsubscribeIdle();
  }

  private async attempt(): Promise<void> {
    if (this.heal.state !== 'healing' || this.attempting) return;
    this.attempting = true;
    const step = await this.tryOnce().catch((): HealStep => 'reestablish-context');
    this.attempting = false;
    const h = this.heal;
    if (h.state !== 'healing') return;
    const now = this.deps.clock.now();
    if (step === 'healed') {
      const durationMs = now.getTime() - h.since.getTime();
      this.set({ state: 'healthy', lastHealMs: durationMs });
      this.deps.log?.({ kind: 'healed', durationMs });
      return;
    }
    const attempt = h.attempt + 1;
    const policy = this.deps.policy ?? DEFAULT_HEAL_POLICY;
    const cap = step === 'wait-for-pcscd' ? policy.maxDelayMs : policy.readerMissingMaxDelayMs;
    const delay = Math.min(cap, policy.initialDelayMs * 2 ** Math.min(attempt - 1, 20));
    const nextAttemptAt = new Date(now.getTime() + delay);
    const code = step === 'wait-for-pcscd' ? OPS_ERRORS.PCSCD_DOWN.code : OPS_ERRORS.READER_MISSING.code;
    this.set({ ...h, attempt, step, nextAttemptAt, code });
    this.cancelTimer = this.deps.clock.setTimer(nextAttemptAt, () => void this.attempt());
    await this.maybeEscalate();
  }

  /** Returns 'healed' or the step that failed. */
  private async tryOnce(): Promise<HealStep | 'healed'> {
    const { stack } = this.deps;
    if (!(await stack.daemonAlive())) return 'wait-for-pcscd';
    await stack.reestablish();
    await stack.reconnect();
    return stack.readers().length > 0 ? 'healed' : 'wait-for-reader';
  }

  private async maybeEscalate(): Promise<void> {
    const h = this.heal;
    if (h.state !== 'healing' || h.escalated) return;
    const policy = this.deps.policy ?? DEFAULT_HEAL_POLICY;
    if (this.deps.clock.now().getTime() - h.since.getTime() < policy.escalateAfterMs) return;
    // Never restart under a patient: escalation waits for standby like the nightly restart.
    if (!this.deps.activity.isIdle()) return;
    this.set({ ...h, escalated: true });
    try {
      await this.deps.escalate();
      this.deps.log?.({ kind: 'heal-escalated', code: OPS_ERRORS.HEAL_ESCALATED.code });
    } catch (error) {
      this.deps.log?.({ kind: 'heal-escalation-failed', code: error instanceof KioskError ? error.code : OPS_ERRORS.RESTART_FAILED.code });
    }
  }

  private set(state: HealState): void {
    this.heal = state;
    for (const l of this.listeners) l(state);
  }
}
