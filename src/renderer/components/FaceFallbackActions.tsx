import { IntentButton } from './IntentButton.js';
import { useText } from '../i18n/use-text.js';

/** The ways out of face matching, shown during capture and after it failed: the PIN when the card has one, and staff. */
export function FaceFallbackActions({ canUsePin, pinVariant }: { canUsePin: boolean; pinVariant: 'primary' | 'secondary' }) {
  const t = useText();
  return (
    <>
      {canUsePin ? (
        <IntentButton intent={{ type: 'use-pin-instead' }} variant={pinVariant}>
          {t('faceFailed.usePin')}
        </IntentButton>
      ) : null}
      <IntentButton intent={{ type: 'call-staff' }} variant="secondary">
        {t('common.callStaff')}
      </IntentButton>
    </>
  );
}
