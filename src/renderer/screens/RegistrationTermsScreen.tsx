import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';

/** 健康保険証利用登録: what registering means, in three short points, then agree or ask staff. */
export function RegistrationTermsScreen() {
  const t = useText();
  return (
    <ScreenFrame
      screen="registration-terms"
      title={t('registration.terms.title')}
      actions={
        <>
          <IntentButton intent={{ type: 'agree-terms' }}>{t('registration.terms.agree')}</IntentButton>
          <IntentButton intent={{ type: 'call-staff' }} variant="secondary">
            {t('common.callStaff')}
          </IntentButton>
        </>
      }
    >
      <p className="lead">{t('registration.terms.body')}</p>
      <ul className="panel plain-list">
        <li>{t('registration.terms.point1')}</li>
        <li>{t('registration.terms.point2')}</li>
        <li>{t('registration.terms.point3')}</li>
      </ul>
    </ScreenFrame>
  );
}
