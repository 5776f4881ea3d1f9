import type { SessionSnapshot, StaffResult } from '../../shared/snapshot.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { TakeCardReminder } from '../components/TakeCardReminder.js';
import { endedWell } from '../state/ended-well.js';
import { useText, type Translate } from '../i18n/use-text.js';

type Props = Extract<SessionSnapshot, { screen: 'done' }>;

/**
 * The end of the visit at the reader: what happened, in words for the patient (the insurer facts
 * are for staff and go to the レセコン, not here), and the card reminder, which stays until the
 * card is lifted. Anything but a valid check is told kindly as "staff will help", never as the
 * patient's fault.
 */
export function DoneScreen({ ending, result, reminderLevel }: Props) {
  const t = useText();
  const allWell = endedWell({ ending, result });
  return (
    <ScreenFrame screen="done" title={allWell ? t('done.title.completed') : t('done.title.staffWillHelp')}>
      <div className="outcome-row">
        <div className={allWell ? 'big-mark ok' : 'big-mark info'} aria-hidden="true">
          {allWell ? '✓' : 'i'}
        </div>
        <p className="lead" data-ending={ending} data-outcome={result?.outcome}>
          {ending === 'completed' ? completedText(result, t) : t(`done.ending.${ending}`)}
        </p>
      </div>
      {ending === 'completed' && result ? (
        <ul className="panel plain-list result-summary">
          <li>{t(`done.method.${result.method}`)}</li>
          {result.consentSent ? <li>{t('done.consentSent')}</li> : null}
        </ul>
      ) : null}
      <TakeCardReminder level={reminderLevel} t={t} />
    </ScreenFrame>
  );
}

function completedText(result: StaffResult | null, t: Translate): string {
  return result ? t(`done.outcome.${result.outcome}`) : t('done.outcome.valid');
}
