import type { SessionSnapshot } from '../../shared/snapshot.js';
import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { FaceFallbackActions } from '../components/FaceFallbackActions.js';
import { useText } from '../i18n/use-text.js';

type Props = Extract<SessionSnapshot, { screen: 'face-failed' }>;

/** Not a failure of the patient: offer another try, the PIN, or a person, whichever main allows. */
export function FaceFailedScreen({ canRetry, canUsePin }: Props) {
  const t = useText();
  return (
    <ScreenFrame
      screen="face-failed"
      title={t('faceFailed.title')}
      actions={
        <>
          {canRetry ? <IntentButton intent={{ type: 'retry-face' }}>{t('faceFailed.retry')}</IntentButton> : null}
          <FaceFallbackActions canUsePin={canUsePin} pinVariant={canRetry ? 'secondary' : 'primary'} />
        </>
      }
    >
      <p className="lead">{t('faceFailed.body')}</p>
      <p className="note">{t('faceFailed.tips')}</p>
    </ScreenFrame>
  );
}
