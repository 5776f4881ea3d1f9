import { LANGUAGES, type Language } from '../../shared/languages.js';
import { LANGUAGE_NAMES } from '../i18n/catalog.js';
import { useText } from '../i18n/use-text.js';
import { useSession } from '../state/session-store.js';
import { useLayout } from '../state/layout-store.js';
import { kiosk } from '../state/kiosk.js';

/**
 * On every screen: one tap to another language the facility offers (each button names its
 * language in that language), larger text, and the seated layout. Language and text size belong
 * to the session (main keeps them for this patient); the seated layout is the renderer's own
 * (layout-store.ts).
 */
export function SettingsBar() {
  const t = useText();
  const current = useSession((s) => s.snapshot?.language);
  const offered = useSession((s) => s.snapshot?.languages);
  const largeText = useSession((s) => s.snapshot?.largeText ?? false);
  const seated = useLayout((s) => s.seated);
  const setSeated = useLayout((s) => s.setSeated);
  return (
    <nav className="settings-bar" aria-label={t('settings.label')}>
      <LanguageButtons offered={offered ?? []} current={current} label={t('settings.language')} />
      <div className="settings-group">
        <button type="button" className="chip chip-strong" aria-pressed={largeText} onClick={() => void kiosk().send({ type: 'set-large-text', on: !largeText })}>
          {largeText ? t('settings.largeTextOff') : t('settings.largeTextOn')}
        </button>
        <button type="button" className="chip chip-strong" aria-pressed={seated} onClick={() => setSeated(!seated)}>
          <span aria-hidden="true">♿ </span>
          {t('settings.seated')}
        </button>
      </div>
    </nav>
  );
}

/**
 * The languages the facility offers (施設設定), from the session snapshot, so a list saved on the
 * admin screen shows at standby at once. In the usual order whatever order the setting lists
 * them; Japanese alone needs no choice at all.
 */
export function LanguageButtons({ offered, current, label }: { offered: readonly Language[]; current: Language | undefined; label: string }) {
  const languages = LANGUAGES.filter((language) => offered.includes(language));
  if (languages.length < 2) return null;
  return (
    <div className="settings-group" role="group" aria-label={label}>
      {languages.map((language) => (
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
    </div>
  );
}
