/**
 * The nightly restart scheduler. Rules (PRODUCT.md §3.6, docs/ops.md):
 * - at a slot, restart only if the kiosk is idle; otherwise wait for the next idle moment;
 * - a slot may run until the end of its window; a slot busy for the whole window is skipped;
 * - a slot missed while the kiosk was off runs at start-up if its window is still open,
 *   otherwise it is recorded as skipped;
 * - each slot has at most one run, remembered in the history across the restart itself.
 */
import { KioskError } from '../../shared/errors.js';
import type { OpsClock } from './clock.js';
import { OPS_ERRORS } from './error-codes.js';
import type { KioskActivity } from './kiosk-activity.js';
import type { RestartHistory, RestartRecord } from './restart-history.js';
import { SlotCalendar, type RestartAction, type RestartSchedule, type RestartSlot } from './restart-schedule.js';

/** Carries out a restart action; rejects with a KioskError when it fails. */
export type RestartRunner = (action: RestartAction) => Promise<void>;

export type SchedulerStatus =
  | { readonly state: 'disabled' }
  | { readonly state: 'waiting'; readonly nextSlot: Date | undefined }
  /** The slot has come and a patient is at the kiosk: runs at the next idle moment before windowEnd. */
  | { readonly state: 'deferred'; readonly slot: Date; readonly windowEnd: Date }
  | { readonly state: 'running'; readonly slot: Date };

/** Older missed slots than this are not listed one by one (a kiosk off for a month). */
const MAX_MISSED_RECORDS = 14;

export interface RestartSchedulerDeps {
  readonly clock: OpsClock;
  readonly activity: KioskActivity;
  readonly history: RestartHistory;
  readonly run: RestartRunner;
}

export class RestartScheduler {
  private schedule: RestartSchedule | undefined;
  private calendar: SlotCalendar | undefined;
  private status: SchedulerStatus = { state: 'disabled' };
  private cancelTimer: (() => void) | undefined;
  private unsubscribeIdle: (() => void) | undefined;
  private readonly listeners = new Set<(s: SchedulerStatus) => void>();

  constructor(private readonly deps: RestartSchedulerDeps) {}

  /** Start with the stored schedule; catches up on a slot missed while the kiosk was off. */
  start(schedule: RestartSchedule): void {
    this.unsubscribeIdle ??= this.deps.activity.onIdle(() => this.onIdle());
    this.apply(schedule, { catchUp: true });
  }

  /** A new schedule from the admin screen takes effect at once, for future slots only. */
  reconfigure(schedule: RestartSchedule): void {
    this.apply(schedule, { catchUp: false });
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.unsubscribeIdle?.();
    this.unsubscribeIdle = undefined;
    this.setStatus({ state: 'disabled' });
  }

  current(): SchedulerStatus {
    return this.status;
  }

  onStatus(listener: (s: SchedulerStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private apply(schedule: RestartSchedule, { catchUp }: { catchUp: boolean }): void {
    this.schedule = schedule;
    this.calendar = schedule.enabled ? new SlotCalendar(schedule) : undefined;
    // A run in progress finishes first; it re-arms with the new schedule when done.
    if (this.status.state === 'running') return;
    this.cancelTimer?.();
    if (!this.calendar) {
      this.setStatus({ state: 'disabled' });
      return;
    }
    const now = this.deps.clock.now();
    const latest = catchUp ? this.recordMissedSlots(this.calendar, now) : undefined;
    if (latest && now < latest.windowEnd) this.slotArrived(latest);
    else this.waitForNext();
  }

  /** Records skipped slots since the last handled one; returns the latest slot if it is still unhandled. */
  private recordMissedSlots(calendar: SlotCalendar, now: Date): RestartSlot | undefined {
    const latest = calendar.latest(now);
    const lastHandled = this.deps.history.lastHandledSlotMs();
    // No history means a fresh install: nothing was missed, the first slot is the next one.
    if (!latest || lastHandled === undefined || latest.at.getTime() <= lastHandled) return undefined;
    for (const missed of calendar.between(new Date(lastHandled), latest.at, MAX_MISSED_RECORDS)) this.skip(missed, 'kiosk-off');
    if (now >= latest.windowEnd) {
      this.skip(latest, 'kiosk-off');
      return undefined;
    }
    return latest;
  }

  private waitForNext(): void {
    const next = this.calendar?.next(this.deps.clock.now());
    this.setStatus({ state: 'waiting', nextSlot: next?.at });
    if (next) this.cancelTimer = this.deps.clock.setTimer(next.at, () => this.slotArrived(next));
  }

  private slotArrived(slot: RestartSlot): void {
    if (this.deps.activity.isIdle()) {
      void this.runSlot(slot);
      return;
    }
    this.setStatus({ state: 'deferred', slot: slot.at, windowEnd: slot.windowEnd });
    this.cancelTimer = this.deps.clock.setTimer(slot.windowEnd, () => {
      this.skip(slot, 'busy-whole-window');
      this.waitForNext();
    });
  }

  private onIdle(): void {
    const s = this.status;
    if (s.state !== 'deferred') return;
    if (this.deps.clock.now() >= s.windowEnd) return; // the window-end timer records the skip
    this.cancelTimer?.();
    void this.runSlot({ at: s.slot, windowEnd: s.windowEnd });
  }

  private async runSlot(slot: RestartSlot): Promise<void> {
    const action = this.schedule!.action;
    this.cancelTimer = undefined;
    this.setStatus({ state: 'running', slot: slot.at });
    // Written before running: a relaunch ends this process, and the slot must not run again.
    this.record(slot, 'started');
    try {
      await this.deps.run(action);
      this.record(slot, 'completed');
    } catch (error) {
      const code = error instanceof KioskError ? error.code : OPS_ERRORS.RESTART_FAILED.code;
      this.record(slot, 'failed', { errorCode: code });
    }
    if (this.schedule?.enabled) this.waitForNext();
    else this.setStatus({ state: 'disabled' });
  }

  private skip(slot: RestartSlot, reason: NonNullable<RestartRecord['reason']>): void {
    this.record(slot, 'skipped', { reason, errorCode: OPS_ERRORS.RESTART_SKIPPED.code });
  }

  private record(slot: RestartSlot, outcome: RestartRecord['outcome'], extra: Partial<RestartRecord> = {}): void {
    this.deps.history.append({
      slotAtMs: slot.at.getTime(),
      atMs: this.deps.clock.now().getTime(),
      outcome,
      action: this.schedule!.action.kind,
      ...extra,
    });
  }

  private setStatus(status: SchedulerStatus): void {
    this.status = status;
    for (const l of this.listeners) l(status);
  }
}
