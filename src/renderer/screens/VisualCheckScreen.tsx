import type { SessionSnapshot } from '../../shared/snapshot.js';
import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';

type Props = Extract<SessionSnapshot, { screen: 'visual-check' }>;

/**
 * 目視 for staff: compare the person with the card's photo and answer. The photo from the card's
 * chip is the one image main ever sends here: it is shown while this screen is up and gone with
 * the next snapshot, never stored. When it cannot be read, staff see why (the code) and use the
 * photo printed on the card; the answer buttons never wait for it.
 */
export function VisualCheckScreen({ chipPhoto }: Props) {
  const t = useText();
  return (
    <ScreenFrame
      screen="visual-check"
      title={t('visualCheck.title')}
      actions={
        <>
          <IntentButton intent={{ type: 'staff-visual-check-result', confirmed: true }}>{t('visualCheck.same')}</IntentButton>
          <IntentButton intent={{ type: 'staff-visual-check-result', confirmed: false }} variant="secondary">
            {t('visualCheck.notSame')}
          </IntentButton>
        </>
      }
      secondary={
        <IntentButton intent={{ type: 'staff-cancel' }} variant="staff">
          {t('staff.cancel')}
        </IntentButton>
      }
    >
      <div className="visual-check-layout">
        <div className="chip-photo-slot" data-slot="chip-photo" data-photo={chipPhoto.status}>
          {chipPhoto.status === 'shown' ? <img className="chip-photo" src={chipPhoto.dataUrl} alt={t('visualCheck.photoAlt')} /> : null}
          {chipPhoto.status === 'loading' ? <p aria-busy="true">{t('visualCheck.photoLoading')}</p> : null}
          {chipPhoto.status === 'unavailable' ? (
            <>
              <p role="status">{t('visualCheck.photoUnavailable', { code: chipPhoto.code })}</p>
              <p>{t('visualCheck.usePrintedPhoto')}</p>
            </>
          ) : null}
        </div>
        <p className="lead">{t('visualCheck.body')}</p>
      </div>
    </ScreenFrame>
  );
}
