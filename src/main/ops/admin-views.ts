/**
 * Main's ops state turned into the admin contract's views (src/shared/admin.ts): dates as ISO
 * strings, states flattened. Pure mapping, so each view is tested without a running kiosk.
 */
import type { DiagnosticsView, SelfTestView } from '../../shared/admin.js';
import { jstDay } from '../store/trouble-statistics.js';
import type { DiagnosticsSnapshot } from './diagnostics.js';
import type { RestartRecord } from './restart-history.js';
import type { SchedulerStatus } from './restart-scheduler.js';
import type { SelfTestResult, SelfTestStep } from './self-test.js';

const iso = (d: Date) => d.toISOString();

export function schedulerView(status: SchedulerStatus) {
  switch (status.state) {
    case 'disabled':
      return { state: status.state, slotAt: null, windowEnd: null };
    case 'waiting':
      return { state: status.state, slotAt: status.nextSlot ? iso(status.nextSlot) : null, windowEnd: null };
    case 'deferred':
      return { state: status.state, slotAt: iso(status.slot), windowEnd: iso(status.windowEnd) };
    case 'running':
      return { state: status.state, slotAt: iso(status.slot), windowEnd: null };
  }
}

export function restartRecordView(r: RestartRecord) {
  return {
    slotAt: iso(new Date(r.slotAtMs)),
    at: iso(new Date(r.atMs)),
    outcome: r.outcome,
    action: r.action,
    reason: r.reason ?? null,
    errorCode: r.errorCode ?? null,
  };
}

export function diagnosticsView(d: DiagnosticsSnapshot): DiagnosticsView {
  const reader = d.reader;
  return {
    kind: 'diagnostics',
    at: iso(d.at),
    overall: d.overall,
    checks: d.checks.map((c) => ({
      name: c.name,
      ok: c.ok ?? null,
      lastError: c.lastError ? { code: c.lastError.code, message: c.lastError.message.slice(0, 500), at: iso(c.lastError.at) } : null,
      at: c.at ? iso(c.at) : null,
    })),
    reader:
      reader.state === 'healing'
        ? { state: 'healing', since: iso(reader.since), attempt: reader.attempt, code: reader.code, lastHealMs: null }
        : { state: 'healthy', since: null, attempt: null, code: null, lastHealMs: reader.lastHealMs },
    restart: schedulerView(d.restart),
    log: d.log.map((l) => ({ time: iso(new Date(l.time)), level: l.level, msg: l.msg.slice(0, 500), code: l.code ?? '' })),
    selfTest: d.selfTest ? selfTestView(d.selfTest) : null,
  };
}

function selfTestStepView(s: SelfTestStep): SelfTestView['steps'][number] {
  const none = { ms: null, certificateNotAfter: null, reason: null, error: null };
  switch (s.outcome) {
    case 'ok':
      return { ...none, name: s.name, outcome: s.outcome, ms: Math.round(s.ms), certificateNotAfter: s.certificateNotAfter ? jstDay(s.certificateNotAfter.getTime()) : null };
    case 'skipped':
      return { ...none, name: s.name, outcome: s.outcome, reason: s.reason };
    case 'failed':
      return { ...none, name: s.name, outcome: s.outcome, error: { code: s.code, message: s.message.slice(0, 500) } };
  }
}

export function selfTestView(r: SelfTestResult): SelfTestView {
  return { at: iso(r.at), steps: r.steps.map(selfTestStepView) };
}
