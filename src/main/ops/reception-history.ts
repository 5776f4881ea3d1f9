/**
 * The staff panel's memory of recent patients (直近の受付結果) and recent error codes, kept in main's
 * memory only: results carry names and insurer numbers, which the kiosk does not write anywhere
 * but the レセコン file, so a restart rightly forgets them. Fed from the session snapshots.
 */
import type { KioskErrorPayload } from '../../shared/errors.js';
import type { SessionSnapshot, StaffResult } from '../../shared/snapshot.js';

export interface FinishedVisit {
  readonly at: Date;
  readonly ending: Extract<SessionSnapshot, { screen: 'done' }>['ending'];
  readonly result: StaffResult | null;
}

export interface ShownError {
  readonly at: Date;
  readonly error: KioskErrorPayload;
}

const KEEP = 20;

export class ReceptionHistory {
  private readonly visits: FinishedVisit[] = [];
  private readonly errors: ShownError[] = [];
  private lastScreen: string | undefined;

  constructor(private readonly now: () => Date) {}

  /** Call with every snapshot; a visit or error is recorded once, when its screen first appears. */
  observe(snapshot: SessionSnapshot): void {
    const entered = snapshot.screen !== this.lastScreen;
    this.lastScreen = snapshot.screen;
    if (!entered) return;
    if (snapshot.screen === 'done') push(this.visits, { at: this.now(), ending: snapshot.ending, result: snapshot.result });
    if (snapshot.screen === 'error') push(this.errors, { at: this.now(), error: snapshot.error });
  }

  /** Newest first. */
  recentVisits(): readonly FinishedVisit[] {
    return [...this.visits].reverse();
  }

  recentErrors(): readonly ShownError[] {
    return [...this.errors].reverse();
  }
}

function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > KEEP) list.shift();
}
