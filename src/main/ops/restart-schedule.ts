/**
 * The nightly restart schedule (定期再起動) as IT staff set it, and the slot arithmetic on it.
 * Restarting daily clears the reader start-up faults that field reports blame for most reader
 * trouble (reader-field-guide.md §2.3, §6 #3 and #9). croner computes the slots in Japan time;
 * the scheduler owns the timers, so tests can drive it with a fake clock.
 */
import { Cron } from 'croner';
import type { RestartSchedule } from '../../shared/admin-settings.js';

/** Clinics keep Japan time whatever the machine's zone is set to. */
export const SCHEDULE_TIME_ZONE = 'Asia/Tokyo';

// The schedule's shape is part of the admin contract, so it is declared once in src/shared.
export { restartActionSchema, restartScheduleSchema, type RestartAction, type RestartSchedule } from '../../shared/admin-settings.js';

export const DEFAULT_RESTART_SCHEDULE: RestartSchedule = {
  enabled: true,
  daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
  time: '03:30',
  windowMinutes: 180,
  action: { kind: 'relaunch-kiosk' },
};

/** A slot: the scheduled instant and the end of the window in which it may still run. */
export interface RestartSlot {
  readonly at: Date;
  readonly windowEnd: Date;
}

export class SlotCalendar {
  private readonly cron: Cron;

  constructor(private readonly schedule: RestartSchedule) {
    const [hour, minute] = schedule.time.split(':').map(Number);
    // No callback: croner only computes dates and never starts a timer of its own.
    this.cron = new Cron(`${minute} ${hour} * * ${[...schedule.daysOfWeek].sort().join(',')}`, {
      timezone: SCHEDULE_TIME_ZONE,
      paused: true,
    });
  }

  private slot(at: Date): RestartSlot {
    return { at, windowEnd: new Date(at.getTime() + this.schedule.windowMinutes * 60_000) };
  }

  /** First slot strictly after `now`. */
  next(now: Date): RestartSlot | undefined {
    const at = this.cron.nextRun(now);
    return at ? this.slot(at) : undefined;
  }

  /** Latest slot at or before `now`. */
  latest(now: Date): RestartSlot | undefined {
    const [at] = this.cron.previousRuns(1, new Date(now.getTime() + 1));
    return at && at.getTime() <= now.getTime() ? this.slot(at) : undefined;
  }

  /** Slots strictly after `after` and strictly before `before`, oldest first, at most `limit` (the newest). */
  between(after: Date, before: Date, limit: number): RestartSlot[] {
    const found: RestartSlot[] = [];
    for (let s = this.next(after); s && s.at < before; s = this.next(s.at)) {
      found.push(s);
      if (found.length > limit) found.shift();
    }
    return found;
  }
}
