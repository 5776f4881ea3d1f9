import type { KioskErrorPayload } from '../../shared/errors.js';
import { useText } from '../i18n/use-text.js';

/** Plain words for the patient; the code for staff, who look up the remedy in the operator guide. */
export function ErrorScreen({ error }: { error: KioskErrorPayload }) {
  const t = useText();
  return (
    <main className="screen" data-screen="error" role="alert">
      <h1>{t('error.title')}</h1>
      <p className="lead">{t('error.body')}</p>
      <p className="staff-code">{t('error.staffCode', { code: error.code })}</p>
    </main>
  );
}
