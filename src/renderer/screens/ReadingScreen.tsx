import { useText } from '../i18n/use-text.js';

export function ReadingScreen() {
  const t = useText();
  return (
    <main className="screen" data-screen="reading" aria-busy="true">
      <h1>{t('reading.title')}</h1>
      <div className="spinner" role="progressbar" aria-label={t('reading.title')} />
      <p className="lead">{t('reading.body')}</p>
    </main>
  );
}
