import type { StaffNextStep, StaffResult } from '../../shared/snapshot.js';
import { Bi } from './Bi.js';
import { useAdminView } from './use-admin-view.js';

const time = (iso: string) => new Date(iso).toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo' });

function ResultLine({ result }: { result: StaffResult }) {
  const step: StaffNextStep = result.nextStep;
  return (
    <span className="ops-result" data-outcome={result.outcome}>
      <strong>
        <Bi k={`admin.staff.outcome.${result.outcome}`} />
      </strong>{' '}
      <span data-method={result.method}>{result.method}</span>{' '}
      {result.kanaName ?? ''} {result.insurance?.insurerNumber ?? ''}
      {step !== 'none' ? (
        <>
          {' → '}
          <Bi k={`admin.staff.nextStep.${step}`} />
        </>
      ) : null}
    </span>
  );
}

/**
 * 職員パネル: the patient now, recent results with what to do next for each that is not plainly
 * valid, checks queued while the service was down, and the error codes shown lately with their
 * remedies (the message names it). Refreshes every 2 s.
 */
export function StaffPanel({ token }: { token: string }) {
  const { view, error } = useAdminView({ type: 'staff-panel', token }, 'staff-panel', 2_000);
  const none = (
    <li>
      <Bi k="admin.staff.none" />
    </li>
  );
  return (
    <div className="ops-stack" data-panel="staff">
      {error ? <p className="message warn">{error}</p> : null}
      {view ? (
        <>
          <p>
            <Bi k="admin.staff.current" params={{ screen: view.currentScreen }} />
          </p>
          {view.current ? (
            <p>
              <Bi k="admin.staff.currentResult" />: <ResultLine result={view.current} />
            </p>
          ) : null}
          <h2>
            <Bi k="admin.staff.recent" />
          </h2>
          <ul className="ops-list" data-list="visits">
            {view.visits.length === 0 ? none : null}
            {view.visits.map((v, i) => (
              <li key={`${v.at}-${i}`}>
                {time(v.at)} {v.result ? <ResultLine result={v.result} /> : v.ending}
              </li>
            ))}
          </ul>
          <h2>
            <Bi k="admin.staff.pending" />
          </h2>
          <ul className="ops-list" data-list="pending">
            {view.pending.length === 0 ? none : null}
            {view.pending.map((p) => (
              <li key={p.requestId}>
                {p.nameKana ?? p.requestId} — {p.result.ja} / {p.result.en}
                {p.nextStep ? ` → ${p.nextStep.ja} / ${p.nextStep.en}` : ''}
              </li>
            ))}
          </ul>
          <h2>
            <Bi k="admin.staff.errors" />
          </h2>
          <ul className="ops-list" data-list="errors">
            {view.errors.length === 0 ? none : null}
            {view.errors.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                {time(e.at)} <code>{e.code}</code> {e.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
