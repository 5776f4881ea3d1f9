import type { SessionSnapshot } from '../../shared/snapshot.js';
import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';

type Props = Extract<SessionSnapshot, { screen: 'method-choice' }>;

/**
 * 本人確認の方法: face or PIN, as big as the screen allows. A PIN-less 顔認証マイナンバーカード
 * arrives without 'pin' in `methods`, a kiosk whose face mode cannot work without 'face', so that
 * button is simply absent and one plain sentence says why. The 目視 button is for staff and looks it.
 */
export function MethodChoiceScreen({ methods, staffVisualCheck, purpose }: Props) {
  const t = useText();
  return (
    <ScreenFrame
      screen="method-choice"
      title={t('method.title')}
      actions={
        <>
          {methods.includes('face') ? (
            <IntentButton intent={{ type: 'choose-method', method: 'face' }}>
              <span className="button-icon" aria-hidden="true">☺</span>
              {t('method.face')}
            </IntentButton>
          ) : null}
          {methods.includes('pin') ? (
            <IntentButton intent={{ type: 'choose-method', method: 'pin' }}>
              <span className="button-icon" aria-hidden="true">＃</span>
              {t('method.pin')}
            </IntentButton>
          ) : null}
        </>
      }
      secondary={
        <>
          <IntentButton intent={{ type: 'call-staff' }} variant="secondary">
            {t('common.callStaff')}
          </IntentButton>
          {staffVisualCheck ? (
            <IntentButton intent={{ type: 'staff-request-visual-check' }} variant="staff">
              {t('method.staff')}
            </IntentButton>
          ) : null}
        </>
      }
    >
      {purpose === 'registration' ? <p className="lead">{t('method.forRegistration')}</p> : null}
      {!methods.includes('pin') ? <p className="lead">{t('method.faceOnlyCard')}</p> : null}
      {!methods.includes('face') ? <p className="lead">{t('method.faceUnavailable')}</p> : null}
    </ScreenFrame>
  );
}
