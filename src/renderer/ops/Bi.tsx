import { translate, type MessageKey } from '../i18n/catalog.js';

/**
 * Staff and IT screens speak Japanese first with English beneath, whatever language the last
 * patient chose: the people reading them are the facility's, not the patient.
 */
export function Bi({ k, params }: { k: MessageKey; params?: Record<string, string> }) {
  return (
    <span className="bi">
      <span lang="ja">{translate('ja', k, params)}</span>
      <span className="bi-en" lang="en">
        {translate('en', k, params)}
      </span>
    </span>
  );
}

/** The same pair as one string, for attributes (aria-label) and form labels. */
export function biText(k: MessageKey, params?: Record<string, string>): string {
  return `${translate('ja', k, params)} / ${translate('en', k, params)}`;
}
