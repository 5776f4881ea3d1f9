import type { SessionSnapshot } from '../../shared/snapshot.js';
import { DigitPad } from '../components/DigitPad.js';
import { IntentButton } from '../components/IntentButton.js';
import { MaskedDots } from '../components/MaskedDots.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';
import { kiosk } from '../state/kiosk.js';

type Props = Extract<SessionSnapshot, { screen: 'pin-entry' }>;

const PIN_LENGTH = 4;

/**
 * 暗証番号 (4 digits). Each key goes straight to main as one digit, so the renderer never holds
 * the PIN; the dots come back from main's count. 残り回数 is shown before the first key, and the
 * last try is announced plainly, because three wrong entries lock the card until the city office
 * resets it.
 */
export function PinEntryScreen({ digitsEntered, triesLeft, lastTry, wrongLastTime, purpose }: Props) {
  const t = useText();
  return (
    <ScreenFrame screen="pin-entry" title={t('pin.title')}>
      <div className="pin-layout">
        <div className="pin-info">
          {purpose === 'registration' ? <p className="note">{t('method.forRegistration')}</p> : null}
          {wrongLastTime ? (
            <p className="message warn" role="alert">
              {t('pin.wrong')}
            </p>
          ) : null}
          <p className="tries" data-tries-left={triesLeft}>
            {t('pin.triesLeft', { n: String(triesLeft) })}
          </p>
          {lastTry ? (
            <p className="message warn" role="alert">
              {t('pin.lastTry')}
            </p>
          ) : null}
          <MaskedDots
            filled={digitsEntered}
            total={PIN_LENGTH}
            label={t('pin.entered', { n: String(digitsEntered), total: String(PIN_LENGTH) })}
          />
          <div className="actions">
            <IntentButton intent={{ type: 'call-staff' }} variant="secondary">
              {t('pin.forgot')}
            </IntentButton>
          </div>
        </div>
        <DigitPad
          t={t}
          canSubmit={digitsEntered === PIN_LENGTH}
          onDigit={(digit) => void kiosk().send({ type: 'pin-digit', digit })}
          onDelete={() => void kiosk().send({ type: 'pin-delete' })}
          onSubmit={() => void kiosk().send({ type: 'pin-submit' })}
        />
      </div>
    </ScreenFrame>
  );
}
