/**
 * What the diagnostics page (診断画面) shows, gathered in one snapshot: each check green/red with
 * its last error and time, the reader healer's state, the restart scheduler's state, the
 * latest coded log lines and the last self-test. Pure aggregation: the page asks, this answers; nothing here acts.
 */
import type { CheckState } from './health-check.js';
import type { LogLine } from './ops-log.js';
import type { HealState } from './reader-healer.js';
import type { SchedulerStatus } from './restart-scheduler.js';
import type { SelfTestResult } from './self-test.js';

export type Overall = 'ok' | 'healing' | 'fault' | 'starting';

export interface DiagnosticsSnapshot {
  readonly at: Date;
  readonly overall: Overall;
  readonly checks: readonly CheckState[];
  readonly reader: HealState;
  readonly restart: SchedulerStatus;
  readonly log: readonly LogLine[];
  /** The last self-test since start, shown until the next one. */
  readonly selfTest: SelfTestResult | null;
}

export interface DiagnosticsSources {
  readonly now: () => Date;
  readonly checks: () => readonly CheckState[];
  readonly reader: () => HealState;
  readonly restart: () => SchedulerStatus;
  readonly log: () => readonly LogLine[];
  readonly selfTest: () => SelfTestResult | null;
}

/**
 * The one word staff see first: "healing" while the reader heals itself (no action needed yet),
 * "fault" when any check is red otherwise, "starting" before the first round of checks.
 */
export function overallState(checks: readonly CheckState[], reader: HealState): Overall {
  if (reader.state === 'healing') return 'healing';
  if (checks.some((c) => c.ok === false)) return 'fault';
  if (checks.some((c) => c.ok === undefined)) return 'starting';
  return 'ok';
}

export function diagnosticsSnapshot(sources: DiagnosticsSources): DiagnosticsSnapshot {
  const checks = sources.checks();
  const reader = sources.reader();
  return { at: sources.now(), overall: overallState(checks, reader), checks, reader, restart: sources.restart(), log: sources.log(), selfTest: sources.selfTest() };
}
