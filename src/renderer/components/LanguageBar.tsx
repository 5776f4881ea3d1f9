import { LANGUAGES } from '../../shared/languages.js';
import { LANGUAGE_NAMES } from '../i18n/catalog.js';
import { useText } from '../i18n/use-text.js';
import { useSession } from '../state/session-store.js';
import { kiosk } from '../state/kiosk.js';

/** One tap to another language, on every screen. Each button names its language in that language. */
export function LanguageBar() {
  const t = useText();
  const current = useSession((s) => s.snapshot?.language);
  const largeText = useSession((s) => s.snapshot?.largeText ?? false);
  return (
    <nav className="settings-bar" aria-label={t('settings.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="chip"
          aria-pressed={current === language}
          onClick={() => void kiosk().send({ type: 'set-language', language })}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
      <button type="button" className="chip chip-strong" aria-pressed={largeText} onClick={() => void kiosk().send({ type: 'set-large-text', on: !largeText })}>
        {largeText ? t('settings.largeTextOff') : t('settings.largeTextOn')}
      </button>
    </nav>
  );
}
