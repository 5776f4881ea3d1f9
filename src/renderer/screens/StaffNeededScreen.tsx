import type { SessionSnapshot } from '../../shared/snapshot.js';
import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';

type Reason = Extract<SessionSnapshot, { screen: 'staff-needed' }>['reason'];

/**
 * 「受付にお声がけください」: what happened in plain words and what staff will do, so the patient
 * knows help is routine. Staff start 目視 from here with the button marked for them.
 */
export function StaffNeededScreen({ reason }: { reason: Reason }) {
  const t = useText();
  return (
    <ScreenFrame
      screen="staff-needed"
      title={t('staffNeeded.title')}
      secondary={
        <IntentButton intent={{ type: 'staff-request-visual-check' }} variant="staff">
          {t('method.staff')}
        </IntentButton>
      }
    >
      <div className="big-mark info" aria-hidden="true">
        ☎
      </div>
      <p className="lead" data-reason={reason}>
        {t(`staffNeeded.reason.${reason}`)}
      </p>
      <p className="panel">{t(`staffNeeded.staffWill.${reason}`)}</p>
      <p className="note">{t('staffNeeded.keepCard')}</p>
    </ScreenFrame>
  );
}
