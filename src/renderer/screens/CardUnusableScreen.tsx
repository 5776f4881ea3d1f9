import type { SessionSnapshot } from '../../shared/snapshot.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { TakeCardReminder } from '../components/TakeCardReminder.js';
import { formatDate } from '../format/date.js';
import { useLanguage, useText } from '../i18n/use-text.js';

type Props = Extract<SessionSnapshot, { screen: 'card-unusable' }>;

/**
 * The card cannot be used today: not a マイナンバーカード, or its certificate is past the grace
 * period. The patient learns what they can show instead (資格確認書, マイナポータル PDF or
 * 資格情報のお知らせ with the card), so the visit goes on.
 */
export function CardUnusableScreen({ reason, certificate, alternatives, reminderLevel }: Props) {
  const t = useText();
  const language = useLanguage();
  const expired = reason === 'certificate-expired';
  return (
    <ScreenFrame screen="card-unusable" title={expired ? t('unusable.expired.title') : t('unusable.notMyNumber.title')}>
      {expired && certificate ? (
        <p className="lead">
          {t('unusable.expired.body', {
            notAfter: formatDate(certificate.notAfter, language),
            graceUntil: formatDate(certificate.graceUntil, language),
          })}
        </p>
      ) : (
        <p className="lead">{t(expired ? 'unusable.expired.bodyNoDate' : 'unusable.notMyNumber.body')}</p>
      )}
      <div className="two-up">
        <TakeCardReminder level={reminderLevel} t={t} />
        {alternatives.length > 0 ? (
          <section className="panel" aria-labelledby="alternatives-title">
            <h2 id="alternatives-title">{t('unusable.alternatives.title')}</h2>
            <ul className="plain-list">
              {alternatives.map((document) => (
                <li key={document}>{t(`unusable.alternative.${document}`)}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <p className="note">{t('unusable.staffHelp')}</p>
    </ScreenFrame>
  );
}
