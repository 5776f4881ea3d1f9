import type { MessageKey } from '../i18n/catalog.js';
import { Bi } from './Bi.js';

/**
 * The end of a staff/IT form (login, first-run wizard): the refusal main gave, if any, then submit
 * and "back to reception".
 */
export function FormFooter({ error, submitKey, canSubmit = true, onBack }: { error: string | undefined; submitKey: MessageKey; canSubmit?: boolean; onBack: () => void }) {
  return (
    <>
      {error ? (
        <p className="message warn" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="big-button primary" disabled={!canSubmit}>
          <Bi k={submitKey} />
        </button>
        <button type="button" className="big-button secondary" onClick={onBack}>
          <Bi k="admin.back" />
        </button>
      </div>
    </>
  );
}
