import { useState, type FormEvent } from 'react';
import { editableSettingsSchema, type EditableSettings, type RestartAction } from '../../shared/admin-settings.js';
import { LANGUAGES } from '../../shared/languages.js';
import { consentItemSchema } from '../../shared/snapshot.js';
import { LANGUAGE_NAMES } from '../i18n/catalog.js';
import { adminRequest, errorText, viewOf } from './admin-api.js';
import { Bi, biText } from './Bi.js';
import { useAdminView } from './use-admin-view.js';

const DAYS = ['日', '月', '火', '水', '木', '金', '土'];
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) : '—');

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

function actionOf(kind: RestartAction['kind'], previous: RestartAction): RestartAction {
  if (kind === 'os-command') return previous.kind === 'os-command' ? previous : { kind, command: '', args: [], timeoutSeconds: 60 };
  return { kind };
}

/**
 * 施設設定: restart schedule, consent items, the e-prescription question, languages, screen
 * timeouts, service URL, レセコン folder and retention. Checked with the contract's schema here and
 * again in main; only changed settings are sent, so the audit names exactly what changed.
 */
export function SettingsPanel({ token }: { token: string }) {
  const { view, error: loadError, reload } = useAdminView({ type: 'settings', token }, 'settings');
  // The draft belongs to the view it was started from: a fresh view (after saving) starts a fresh draft.
  const [edit, setEdit] = useState<{ base: typeof view; draft: EditableSettings }>();
  const [message, setMessage] = useState<string>();
  if (!view) return loadError ? <p className="message warn">{loadError}</p> : null;
  const draft = edit?.base === view ? edit.draft : view.settings;
  const setDraft = (next: EditableSettings) => setEdit({ base: view, draft: next });

  const schedule = draft.restartSchedule;
  const setSchedule = (patch: Partial<EditableSettings['restartSchedule']>) => setDraft({ ...draft, restartSchedule: { ...schedule, ...patch } });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = editableSettingsSchema.safeParse(draft);
    if (!checked.success) return setMessage(biText('admin.settings.invalid', { field: checked.error.issues[0]?.path.join('.') ?? '' }));
    const changed = Object.fromEntries(
      Object.entries(checked.data).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(view.settings[key as keyof EditableSettings])),
    ) as Partial<EditableSettings>;
    const reply = await adminRequest({ type: 'update-settings', token, settings: changed });
    const saved = viewOf(reply, 'settings');
    if (!saved) return setMessage(errorText(reply));
    setMessage(
      saved.appliesAtRestart.length > 0 ? biText('admin.settings.appliesAtRestart', { keys: saved.appliesAtRestart.join(', ') }) : biText('admin.settings.saved'),
    );
    await reload();
  };
  const restart = view.restart;
  return (
    <form className="ops-form ops-settings" data-panel="settings" onSubmit={(e) => void save(e)}>
      <fieldset>
        <legend>
          <Bi k="admin.settings.restart" />
        </legend>
        <p data-restart-state={restart.state}>
          {restart.state === 'deferred' ? (
            <Bi k="admin.settings.deferred" params={{ time: time(restart.windowEnd) }} />
          ) : (
            <Bi k="admin.settings.nextRestart" params={{ time: time(restart.slotAt) }} />
          )}
        </p>
        <label>
          <input type="checkbox" checked={schedule.enabled} onChange={(e) => setSchedule({ enabled: e.target.checked })} />
          <Bi k="admin.settings.enabled" />
        </label>
        <div role="group" aria-label={biText('admin.settings.days')} className="ops-inline">
          {DAYS.map((day, index) => (
            <label key={day}>
              <input type="checkbox" checked={schedule.daysOfWeek.includes(index)} onChange={(e) => setSchedule({ daysOfWeek: toggle(schedule.daysOfWeek, index, e.target.checked).sort() })} />
              {day}
            </label>
          ))}
        </div>
        <label className="ops-field">
          <Bi k="admin.settings.time" />
          <input type="time" aria-label={biText('admin.settings.time')} value={schedule.time} onChange={(e) => setSchedule({ time: e.target.value })} />
        </label>
        <label className="ops-field">
          <Bi k="admin.settings.window" />
          <input type="number" aria-label={biText('admin.settings.window')} value={schedule.windowMinutes} onChange={(e) => setSchedule({ windowMinutes: Number(e.target.value) })} />
        </label>
        <label className="ops-field">
          <Bi k="admin.settings.action" />
          <select aria-label={biText('admin.settings.action')} value={schedule.action.kind} onChange={(e) => setSchedule({ action: actionOf(e.target.value as RestartAction['kind'], schedule.action) })}>
            {(['relaunch-kiosk', 'reset-card-stack', 'os-command'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {biText(`admin.settings.action.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        {schedule.action.kind === 'os-command' ? (
          <OsCommandFields action={schedule.action} onChange={(action) => setSchedule({ action })} />
        ) : null}
      </fieldset>

      <fieldset>
        <legend>
          <Bi k="admin.settings.consent" />
        </legend>
        <div className="ops-inline">
          {consentItemSchema.options.map((item) => (
            <label key={item}>
              <input type="checkbox" checked={draft.consentItems.includes(item)} onChange={(e) => setDraft({ ...draft, consentItems: toggle(draft.consentItems, item, e.target.checked) })} />
              <Bi k={`consent.item.${item}`} />
            </label>
          ))}
        </div>
        <label>
          <input type="checkbox" checked={draft.askPrescription} onChange={(e) => setDraft({ ...draft, askPrescription: e.target.checked })} />
          <Bi k="admin.settings.prescription" />
        </label>
      </fieldset>

      <fieldset>
        <legend>
          <Bi k="admin.settings.languages" />
        </legend>
        <div className="ops-inline">
          {LANGUAGES.map((language) => (
            <label key={language}>
              <input
                type="checkbox"
                disabled={language === 'ja'}
                checked={draft.languagesOffered.includes(language)}
                onChange={(e) => setDraft({ ...draft, languagesOffered: LANGUAGES.filter((l) => (l === language ? e.target.checked : draft.languagesOffered.includes(l))) })}
              />
              {LANGUAGE_NAMES[language]}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>
          <Bi k="admin.settings.timeouts" />
        </legend>
        {(['patientSeconds', 'staffSeconds', 'errorSeconds'] as const).map((key) => (
          <label key={key} className="ops-field">
            <Bi k={`admin.settings.${key}`} />
            <input
              type="number"
              aria-label={biText(`admin.settings.${key}`)}
              value={draft.screenTimeouts[key]}
              onChange={(e) => setDraft({ ...draft, screenTimeouts: { ...draft.screenTimeouts, [key]: Number(e.target.value) } })}
            />
          </label>
        ))}
      </fieldset>

      <fieldset>
        <label className="ops-field">
          <Bi k="admin.settings.endpoint" />
          <input type="url" aria-label={biText('admin.settings.endpoint')} value={draft.qualificationEndpoint} onChange={(e) => setDraft({ ...draft, qualificationEndpoint: e.target.value })} />
        </label>
        <label className="ops-field">
          <Bi k="admin.settings.receiptFolder" />
          <input type="text" aria-label={biText('admin.settings.receiptFolder')} value={draft.receiptFolder} onChange={(e) => setDraft({ ...draft, receiptFolder: e.target.value })} />
        </label>
        <label className="ops-field">
          <Bi k="admin.settings.retention" />
          <input type="number" aria-label={biText('admin.settings.retention')} value={draft.retentionDays} onChange={(e) => setDraft({ ...draft, retentionDays: Number(e.target.value) })} />
        </label>
      </fieldset>

      <div className="actions">
        <button type="submit" className="big-button primary">
          <Bi k="admin.settings.save" />
        </button>
      </div>
      {message ? (
        <p role="status" className="message">
          {message}
        </p>
      ) : null}

      <h2>
        <Bi k="admin.settings.history" />
      </h2>
      <ul className="ops-list" data-list="restart-history">
        {view.restartHistory.map((r, i) => (
          <li key={`${r.at}-${i}`} data-outcome={r.outcome}>
            {time(r.slotAt)} {r.action} {r.outcome} {r.reason ?? ''} {r.errorCode ?? ''}
          </li>
        ))}
      </ul>
    </form>
  );
}

function OsCommandFields({ action, onChange }: { action: Extract<RestartAction, { kind: 'os-command' }>; onChange: (a: RestartAction) => void }) {
  return (
    <>
      <label className="ops-field">
        <Bi k="admin.settings.command" />
        <input type="text" aria-label={biText('admin.settings.command')} value={action.command} onChange={(e) => onChange({ ...action, command: e.target.value })} />
      </label>
      <label className="ops-field">
        <Bi k="admin.settings.args" />
        <input type="text" aria-label={biText('admin.settings.args')} value={action.args.join(' ')} onChange={(e) => onChange({ ...action, args: e.target.value.split(/\s+/).filter(Boolean) })} />
      </label>
      <label className="ops-field">
        <Bi k="admin.settings.commandTimeout" />
        <input type="number" aria-label={biText('admin.settings.commandTimeout')} value={action.timeoutSeconds} onChange={(e) => onChange({ ...action, timeoutSeconds: Number(e.target.value) })} />
      </label>
    </>
  );
}
