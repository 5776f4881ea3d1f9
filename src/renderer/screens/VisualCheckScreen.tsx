import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';

/**
 * 目視 for staff: compare the person with the card's photo and answer. The chip photo is not in
 * the snapshot contract yet; `.chip-photo-slot` is where it goes when the contract adds it (shown,
 * never stored), and until then staff use the photo printed on the card.
 */
export function VisualCheckScreen() {
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
        <div className="chip-photo-slot" data-slot="chip-photo">
          <p>{t('visualCheck.usePrintedPhoto')}</p>
        </div>
        <p className="lead">{t('visualCheck.body')}</p>
      </div>
    </ScreenFrame>
  );
}
