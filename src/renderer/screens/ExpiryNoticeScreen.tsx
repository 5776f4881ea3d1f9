import type { SessionSnapshot } from '../../shared/snapshot.js';
import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { formatDate } from '../format/date.js';
import { useLanguage, useText } from '../i18n/use-text.js';

type Props = Extract<SessionSnapshot, { screen: 'expiry-notice' }>;

/**
 * 更新アラート (within 3 months of expiry: reception goes on) or the grace notice (expired, still
 * usable for the insurance check until graceUntil, without the consent step). Dates are spelled
 * out; the patient moves on with 次に進む when they have read it.
 */
export function ExpiryNoticeScreen({ phase, notAfter, graceUntil }: Props) {
  const t = useText();
  const language = useLanguage();
  const dates = { notAfter: formatDate(notAfter, language), graceUntil: formatDate(graceUntil, language) };
  const grace = phase === 'grace';
  return (
    <ScreenFrame
      screen="expiry-notice"
      title={grace ? t('expiry.grace.title') : t('expiry.renewal.title')}
      actions={<IntentButton intent={{ type: 'continue' }}>{t('common.next')}</IntentButton>}
    >
      <div className="big-mark notice" aria-hidden="true">
        !
      </div>
      <p className="lead" data-phase={phase}>
        {grace ? t('expiry.grace.body', dates) : t('expiry.renewal.body', dates)}
      </p>
      <p className="panel">{t('expiry.whereToRenew')}</p>
      {grace ? <p className="note">{t('expiry.grace.noConsent')}</p> : null}
    </ScreenFrame>
  );
}
