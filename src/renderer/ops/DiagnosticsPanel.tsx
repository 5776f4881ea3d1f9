import { useState } from 'react';
import type { DiagnosticsView, SelfTestView } from '../../shared/admin.js';
import type { MessageKey } from '../i18n/catalog.js';
import { Bi } from './Bi.js';
import { useAdminView } from './use-admin-view.js';

const OVERALL: Record<DiagnosticsView['overall'], MessageKey> = {
  ok: 'admin.diag.ok',
  fault: 'admin.diag.fault',
  healing: 'admin.diag.healing',
  starting: 'admin.diag.starting',
};

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) : '—');

type SelfTestStepView = SelfTestView['steps'][number];

/** What a step found, in the words of its outcome (the code and remedy when red). */
function StepDetail({ step }: { step: SelfTestStepView }) {
  const ms = String(step.ms ?? 0);
  if (step.outcome === 'ok') return <Bi k={`admin.diag.step.ok.${step.name}`} params={{ ms, date: step.certificateNotAfter ?? '' }} />;
  if (step.outcome === 'skipped' && step.reason) return <Bi k={`admin.diag.step.skipped.${step.reason}`} />;
  return <>{step.error ? `${step.error.code} ${step.error.message}` : '—'}</>;
}

/** The self-test's steps: card (when one lies on the reader at standby), face model, service. */
function SelfTestResult({ result }: { result: SelfTestView }) {
  return (
    <>
      <h2>
        <Bi k="admin.diag.selfTest.result" params={{ time: time(result.at) }} />
      </h2>
      <table className="ops-table" data-table="self-test">
        <tbody>
          {result.steps.map((s) => (
            <tr key={s.name} data-step={s.name} data-outcome={s.outcome}>
              <td>
                <span className={`ops-light ${s.outcome === 'ok' ? 'green' : s.outcome === 'failed' ? 'red' : 'unknown'}`} aria-hidden="true" />
              </td>
              <th scope="row">
                <Bi k={`admin.diag.step.${s.name}`} />
              </th>
              <td className="ops-detail">
                <StepDetail step={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * 診断画面: every check green or red with its last error and when it ran, the reader healer's
 * state, the newest log lines with error codes, and the self-test button with its last result.
 * Refreshes every 2 s.
 */
export function DiagnosticsPanel({ token }: { token: string }) {
  const { view, error, reload } = useAdminView({ type: 'diagnostics', token }, 'diagnostics', 2_000);
  const [testing, setTesting] = useState(false);
  const selfTest = () => {
    setTesting(true);
    void reload({ type: 'self-test', token }).finally(() => setTesting(false));
  };
  return (
    <div className="ops-stack" data-panel="diagnostics">
      {error ? <p className="message warn">{error}</p> : null}
      {view ? (
        <>
          <p className={`ops-overall ops-${view.overall}`} data-overall={view.overall}>
            <Bi k="admin.diag.overall" />: <Bi k={OVERALL[view.overall]} />
            {view.reader.state === 'healing' ? ` (${view.reader.code ?? ''})` : ''}
          </p>
          <button type="button" className="big-button secondary" disabled={testing} onClick={selfTest}>
            <Bi k="admin.diag.selfTest" />
          </button>
          {testing ? (
            <p role="status">
              <Bi k="admin.diag.selfTest.running" />
            </p>
          ) : null}
          {view.selfTest ? <SelfTestResult result={view.selfTest} /> : null}
          <table className="ops-table">
            <tbody>
              {view.checks.map((c) => (
                <tr key={c.name} data-check={c.name} data-ok={c.ok === null ? 'unknown' : String(c.ok)}>
                  <td>
                    <span className={`ops-light ${c.ok === null ? 'unknown' : c.ok ? 'green' : 'red'}`} aria-hidden="true" />
                  </td>
                  <th scope="row">
                    <Bi k={`admin.diag.check.${c.name}`} />
                  </th>
                  <td>
                    <Bi k={c.ok === null ? 'admin.diag.unknown' : c.ok ? 'admin.diag.ok' : 'admin.diag.fault'} />
                  </td>
                  <td className="ops-detail">
                    {c.lastError ? `${c.lastError.code} ${c.lastError.message} (${time(c.lastError.at)})` : '—'}
                  </td>
                  <td>{time(c.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>
            <Bi k="admin.diag.log" />
          </h2>
          <ul className="ops-log">
            {view.log.map((line, i) => (
              <li key={`${line.time}-${i}`}>
                <code>{line.code}</code> {time(line.time)} {line.msg}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
