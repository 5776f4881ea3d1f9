import type { DiagnosticsView } from '../../shared/admin.js';
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

/**
 * 診断画面: every check green or red with its last error and when it ran, the reader healer's
 * state, the newest log lines with error codes, and the self-test button. Refreshes every 2 s.
 */
export function DiagnosticsPanel({ token }: { token: string }) {
  const { view, error, reload } = useAdminView({ type: 'diagnostics', token }, 'diagnostics', 2_000);
  return (
    <div className="ops-stack" data-panel="diagnostics">
      {error ? <p className="message warn">{error}</p> : null}
      {view ? (
        <>
          <p className={`ops-overall ops-${view.overall}`} data-overall={view.overall}>
            <Bi k="admin.diag.overall" />: <Bi k={OVERALL[view.overall]} />
            {view.reader.state === 'healing' ? ` (${view.reader.code ?? ''})` : ''}
          </p>
          <button type="button" className="big-button secondary" onClick={() => void reload({ type: 'self-test', token })}>
            <Bi k="admin.diag.selfTest" />
          </button>
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
