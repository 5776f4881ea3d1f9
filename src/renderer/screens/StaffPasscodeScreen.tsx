import { useState } from 'react';
import { DigitPad } from '../components/DigitPad.js';
import { IntentButton } from '../components/IntentButton.js';
import { MaskedDots } from '../components/MaskedDots.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';
import { kiosk } from '../state/kiosk.js';

const MIN_LENGTH = 4;
const MAX_LENGTH = 8;

/**
 * For staff: the facility 目視 passcode (4–8 digits). Unlike the patient's PIN it travels as one
 * `staff-passcode` intent, so the digits live in this component's state only until 確定 and vanish
 * with the screen.
 */
export function StaffPasscodeScreen({ wrongAttempts }: { wrongAttempts: number }) {
  const t = useText();
  const [digits, setDigits] = useState('');
  const submit = () => {
    void kiosk().send({ type: 'staff-passcode', passcode: digits });
    setDigits('');
  };
  return (
    <ScreenFrame screen="staff-passcode" title={t('staffPasscode.title')}>
      <div className="pin-layout">
        <div className="pin-info">
          <p className="lead">{t('staffPasscode.body')}</p>
          {wrongAttempts > 0 ? (
            <p className="message warn" role="alert">
              {t('staffPasscode.wrong', { n: String(wrongAttempts) })}
            </p>
          ) : null}
          <MaskedDots
            filled={digits.length}
            total={Math.max(MIN_LENGTH, digits.length)}
            label={t('pin.entered', { n: String(digits.length), total: String(Math.max(MIN_LENGTH, digits.length)) })}
          />
          <div className="actions">
            <IntentButton intent={{ type: 'staff-cancel' }} variant="secondary">
              {t('staff.cancel')}
            </IntentButton>
          </div>
        </div>
        <DigitPad
          t={t}
          canSubmit={digits.length >= MIN_LENGTH}
          onDigit={(digit) => setDigits((d) => (d.length < MAX_LENGTH ? d + String(digit) : d))}
          onDelete={() => setDigits((d) => d.slice(0, -1))}
          onSubmit={submit}
        />
      </div>
    </ScreenFrame>
  );
}
