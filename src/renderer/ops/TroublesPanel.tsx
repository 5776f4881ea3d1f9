import { useState } from 'react';
import type { TroubleGranularity } from '../../shared/admin.js';
import type { MessageKey } from '../i18n/catalog.js';
import { Bi } from './Bi.js';
import { useAdminView } from './use-admin-view.js';

/** How many periods each view shows, the current one included. */
const PERIODS: Record<TroubleGranularity, number> = { day: 14, week: 12, month: 12 };
const LABEL: Record<TroubleGranularity, MessageKey> = { day: 'admin.troubles.day', week: 'admin.troubles.week', month: 'admin.troubles.month' };
/** Under each bar: MM-DD for a day or a week's Monday, YYYY-MM for a month. */
const barLabel = (start: string, granularity: TroubleGranularity) => (granularity === 'month' ? start.slice(0, 7) : start.slice(5));

/**
 * トラブル統計: counts per 保団連 survey category per day, week or calendar month (the survey asks
 * about a span of months) as plain CSS bars (no chart library), and the CSV export a clinic can
 * send on or open in Excel.
 */
export function TroublesPanel({ token }: { token: string }) {
  const [granularity, setGranularity] = useState<TroubleGranularity>('day');
  const { view, error } = useAdminView({ type: 'troubles', token, granularity, periods: PERIODS[granularity] }, 'troubles');
  const max = Math.max(1, ...(view?.periods.flatMap((p) => Object.values(p.counts)) ?? []));
  const download = () => {
    if (!view) return;
    const url = URL.createObjectURL(new Blob([view.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `trouble-statistics-${granularity}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  const total = view?.periods.reduce((sum, p) => sum + Object.values(p.counts).reduce((a, b) => a + b, 0), 0) ?? 0;
  return (
    <div className="ops-stack" data-panel="troubles">
      <div className="actions">
        {(['day', 'week', 'month'] as const).map((g) => (
          <button key={g} type="button" className="chip" aria-pressed={granularity === g} onClick={() => setGranularity(g)}>
            <Bi k={LABEL[g]} />
          </button>
        ))}
        <button type="button" className="chip chip-strong" onClick={download} disabled={!view}>
          <Bi k="admin.troubles.csv" />
        </button>
      </div>
      {error ? <p className="message warn">{error}</p> : null}
      {view && total === 0 ? (
        <p>
          <Bi k="admin.troubles.empty" />
        </p>
      ) : null}
      {view?.categories.map((category) => (
        <figure key={category.key} className="ops-chart" data-category={category.key}>
          <figcaption>
            {category.ja} / {category.en}
          </figcaption>
          <div className="ops-bars">
            {view.periods.map((p) => {
              const count = p.counts[category.key] ?? 0;
              return (
                <div key={p.start} className="ops-bar" title={`${p.start}: ${count}`}>
                  <span className="ops-bar-fill" style={{ height: `${(count / max) * 100}%` }} />
                  <span className="ops-bar-label">{barLabel(p.start, view.granularity)}</span>
                </div>
              );
            })}
          </div>
        </figure>
      ))}
    </div>
  );
}
