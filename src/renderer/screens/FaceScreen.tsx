import { useRef } from 'react';
import type { SessionSnapshot } from '../../shared/snapshot.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { FaceFallbackActions } from '../components/FaceFallbackActions.js';
import { useCamera } from '../camera/use-camera.js';
import { useText } from '../i18n/use-text.js';
import { useLayout } from '../state/layout-store.js';

type Props = Extract<SessionSnapshot, { screen: 'face' }>;

/**
 * 顔認証: a mirror-like preview with an oval to fit the face in, one spoken-style sentence of
 * advice from main's quality hint, the attempt count and the seconds until other ways are
 * offered in plain sight, so there is no hidden clock. Seated patients get guidance for looking
 * up at the camera.
 */
export function FaceScreen({ hint, attempt, maxAttempts, secondsLeft, canUsePin, purpose }: Props) {
  const t = useText();
  const seated = useLayout((s) => s.seated);
  const video = useRef<HTMLVideoElement>(null);
  const camera = useCamera(video);
  return (
    <ScreenFrame
      screen="face"
      title={t('face.title')}
      actions={<FaceFallbackActions canUsePin={canUsePin} pinVariant="secondary" />}
    >
      {purpose === 'registration' ? <p className="note">{t('method.forRegistration')}</p> : null}
      <div className="face-layout">
        <div className="camera-frame" data-camera={camera}>
          <video ref={video} className="camera-preview" muted playsInline aria-hidden="true" />
          {camera === 'unavailable' ? <p className="camera-off">{t('face.cameraPreviewOff')}</p> : null}
          <div className="guide-oval" aria-hidden="true" />
        </div>
        <div className="face-guidance">
          <p className="face-hint" role="status" aria-live="polite" data-hint={hint}>
            {t(`face.hint.${hint}`)}
          </p>
          {seated ? <p className="note">{t('face.seated')}</p> : null}
          <div className="attempts">
            <p className="attempt-text">{t('face.attempt', { attempt: String(attempt), max: String(maxAttempts) })}</p>
            <div className="attempt-dots" aria-hidden="true">
              {Array.from({ length: maxAttempts }, (_, i) => (
                <span key={i} className={i < attempt ? 'dot filled' : 'dot'} />
              ))}
            </div>
          </div>
          <p className="note">{t('face.noRush')}</p>
          {/* role="timer" is not announced each second: a calm, visible count, not an alarm. */}
          <p className="note face-countdown" role="timer" data-seconds-left={secondsLeft}>
            {t('face.secondsLeft', { seconds: String(secondsLeft) })}
          </p>
        </div>
      </div>
    </ScreenFrame>
  );
}
