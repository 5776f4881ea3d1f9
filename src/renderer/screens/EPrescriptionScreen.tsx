import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';

/** 電子処方箋 or 紙: two equal buttons, each saying what the patient will receive. */
export function EPrescriptionScreen() {
  const t = useText();
  return (
    <ScreenFrame
      screen="e-prescription"
      title={t('prescription.title')}
      actions={
        <>
          <IntentButton intent={{ type: 'choose-prescription', form: 'electronic' }}>
            <span className="button-stack">
              {t('prescription.electronic')}
              <small>{t('prescription.electronic.detail')}</small>
            </span>
          </IntentButton>
          <IntentButton intent={{ type: 'choose-prescription', form: 'paper' }}>
            <span className="button-stack">
              {t('prescription.paper')}
              <small>{t('prescription.paper.detail')}</small>
            </span>
          </IntentButton>
        </>
      }
    >
      <p className="lead">{t('prescription.body')}</p>
    </ScreenFrame>
  );
}
