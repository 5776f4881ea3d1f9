import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';

export function RegistrationCompleteScreen() {
  const t = useText();
  return (
    <ScreenFrame
      screen="registration-complete"
      title={t('registration.complete.title')}
      actions={<IntentButton intent={{ type: 'continue' }}>{t('common.next')}</IntentButton>}
    >
      <div className="big-mark ok" aria-hidden="true">✓</div>
      <p className="lead">{t('registration.complete.body')}</p>
    </ScreenFrame>
  );
}
