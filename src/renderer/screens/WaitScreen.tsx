import { useText } from '../i18n/use-text.js';

/** Shown before the first snapshot arrives, and for any screen this renderer version cannot draw. */
export function WaitScreen({ screen }: { screen: string }) {
  const t = useText();
  return (
    <main className="screen" data-screen={screen} aria-busy="true">
      <h1>{t('wait.title')}</h1>
    </main>
  );
}
