/**
 * The watchdog (監視): runs every check at start and then every `intervalMs`, each with a deadline,
 * and keeps {ok, lastError, at} per check for the diagnostics page. A red reader or pcscd check
 * also wakes the reader healer, so healing starts even when the stack did not report itself down.
 */
import type { OpsClock } from './clock.js';
import { OPS_ERRORS } from './error-codes.js';
import { failure, type CheckName, type CheckOutcome, type CheckState, type HealthCheck } from './health-check.js';

export interface WatchdogOptions {
  readonly checks: readonly HealthCheck[];
  readonly clock: OpsClock;
  readonly intervalMs?: number;
  /** A check that has not answered by then is red with E-OPS-016. */
  readonly checkTimeoutMs?: number;
  /** Called when a check turns (or stays) red. */
  readonly onFailure?: (name: CheckName, outcome: CheckOutcome & { ok: false }) => void;
}

export class Watchdog {
  private readonly states = new Map<CheckName, CheckState>();
  private readonly listeners = new Set<(states: readonly CheckState[]) => void>();
  private cancelTimer: (() => void) | undefined;
  private running = false;

  constructor(private readonly options: WatchdogOptions) {
    for (const c of options.checks) this.states.set(c.name, { name: c.name, ok: undefined, lastError: null, at: null });
  }

  start(): Promise<readonly CheckState[]> {
    this.running = true;
    return this.cycle();
  }

  stop(): void {
    this.running = false;
    this.cancelTimer?.();
  }

  snapshot(): readonly CheckState[] {
    return [...this.states.values()];
  }

  onChange(listener: (states: readonly CheckState[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs every check once now (the self-test button, or after a heal). */
  async runAll(): Promise<readonly CheckState[]> {
    await Promise.all(this.options.checks.map((c) => this.runOne(c)));
    const snapshot = this.snapshot();
    for (const l of this.listeners) l(snapshot);
    return snapshot;
  }

  private async cycle(): Promise<readonly CheckState[]> {
    const snapshot = await this.runAll();
    if (this.running) {
      const next = new Date(this.options.clock.now().getTime() + (this.options.intervalMs ?? 5_000));
      this.cancelTimer = this.options.clock.setTimer(next, () => void this.cycle());
    }
    return snapshot;
  }

  private async runOne(check: HealthCheck): Promise<void> {
    const outcome = await withDeadline(check, this.options.checkTimeoutMs ?? 5_000);
    const at = this.options.clock.now();
    const previous = this.states.get(check.name);
    if (outcome.ok) {
      this.states.set(check.name, { name: check.name, ok: true, lastError: previous?.lastError ?? null, at });
      return;
    }
    this.states.set(check.name, { name: check.name, ok: false, lastError: { code: outcome.code, message: outcome.message, at }, at });
    this.options.onFailure?.(check.name, outcome);
  }
}

/** A check that throws or hangs must not stop the others: it becomes a red E-OPS-016. */
function withDeadline(check: HealthCheck, ms: number): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => resolve(failure(OPS_ERRORS.CHECK_FAILED, `${check.name}: no answer in ${ms} ms`)), ms);
  });
  const run = check.run().catch((error: unknown) => failure(OPS_ERRORS.CHECK_FAILED, `${check.name}: ${error instanceof Error ? error.message : String(error)}`));
  return Promise.race([run, deadline]).finally(() => clearTimeout(timer));
}
