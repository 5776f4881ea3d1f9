import { useText } from '../i18n/use-text.js';

/** 待機画面: what to do with the card, in three steps an 80-year-old can follow at a glance. */
export function StandbyScreen() {
  const t = useText();
  return (
    <main className="screen" data-screen="standby">
      <h1>{t('standby.title')}</h1>
      <ol className="steps">
        <li>
          <span className="step-number" aria-hidden="true">1</span>
          {t('standby.step.sleeve')}
        </li>
        <li>
          <span className="step-number" aria-hidden="true">2</span>
          {t('standby.step.place')}
        </li>
        <li>
          <span className="step-number" aria-hidden="true">3</span>
          {t('standby.step.follow')}
        </li>
      </ol>
      <div className="reader-hint" aria-hidden="true">
        <div className="card-shape" />
        <div className="arrow">▼</div>
      </div>
      <p className="note">{t('standby.noCard')}</p>
    </main>
  );
}
