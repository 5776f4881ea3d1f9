import type { SessionSnapshot, StaffResult } from '../../shared/snapshot.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { TakeCardReminder } from '../components/TakeCardReminder.js';
import { endedWell } from '../state/ended-well.js';
import { formatDate } from '../format/date.js';
import { useLanguage, useText, type Translate } from '../i18n/use-text.js';
import type { MessageKey } from '../i18n/catalog.js';

type Props = Extract<SessionSnapshot, { screen: 'done' }>;

/**
 * The end of the visit at the reader: what happened, in words for the patient (the insurer facts
 * are for staff and go to the レセコン, not here), and the card reminder, which stays until the
 * card is lifted. Anything but a valid check is told kindly as "staff will help", never as the
 * patient's fault. A refusal by the service also carries a line for staff: its code and remedy.
 */
export function DoneScreen({ ending, result, reminderLevel }: Props) {
  const t = useText();
  const language = useLanguage();
  const allWell = endedWell({ ending, result });
  return (
    <ScreenFrame screen="done" title={allWell ? t('done.title.completed') : t('done.title.staffWillHelp')}>
      <div className="outcome-row">
        <div className={allWell ? 'big-mark ok' : 'big-mark info'} aria-hidden="true">
          {allWell ? '✓' : 'i'}
        </div>
        <p className="lead" data-ending={ending} data-outcome={result?.outcome}>
          {ending === 'completed' ? completedText(result, t, (date) => formatDate(date, language)) : t(`done.ending.${ending}`)}
        </p>
      </div>
      {/* After a refusal, the staff line takes the summary's place: nothing was confirmed. */}
      {ending === 'completed' && result && !result.refusal ? (
        <ul className="panel plain-list result-summary">
          <li>{t(`done.method.${result.method}`)}</li>
          {result.consentSent ? <li>{t('done.consentSent')}</li> : null}
        </ul>
      ) : null}
      {ending === 'completed' && result?.refusal ? (
        <p className="staff-code" data-refusal={result.refusal.code}>
          {t('done.staffRefusal', { code: result.refusal.code, remedy: t(refusalRemedy(result.refusal.code)) })}
        </p>
      ) : null}
      <TakeCardReminder level={reminderLevel} t={t} />
    </ScreenFrame>
  );
}

function completedText(result: StaffResult | null, t: Translate, date: (iso: string) => string): string {
  if (!result) return t('done.outcome.valid');
  // The service named the expiry: the patient learns why and where to renew, in plain words.
  const expiredOn = result.refusal?.certificateNotAfter;
  if (expiredOn) return t('done.outcome.certificateExpired', { date: date(expiredOn) });
  return t(`done.outcome.${result.outcome}`);
}

/** The qualification module's refusal codes (docs/qualification.md); any other is the generic E-OQS-002. */
const REFUSAL_REMEDIES: Readonly<Record<string, MessageKey>> = {
  'E-OQS-003': 'done.refusal.certificate',
  'E-OQS-004': 'done.refusal.notRegistered',
  'E-OQS-005': 'done.refusal.device',
};

function refusalRemedy(code: string): MessageKey {
  return REFUSAL_REMEDIES[code] ?? 'done.refusal.other';
}
