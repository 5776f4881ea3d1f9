import type { Translate } from '../i18n/use-text.js';

/** Beyond this the reminder looks the same: louder, not harsher. */
const STRONGEST_LEVEL = 3;

/**
 * 「カードをお取りください」. Forgotten cards are the readers' best-known problem, so the screen stays
 * until the card is lifted and the reminder grows a little more visible with each repeat
 * (reminderLevel from main), without ever turning red or scolding.
 */
export function TakeCardReminder({ level, t }: { level: number; t: Translate }) {
  const shown = Math.min(level, STRONGEST_LEVEL);
  return (
    <div className={`take-card take-card-${shown}`} role="status" data-reminder-level={shown}>
      <div className="take-card-art" aria-hidden="true">
        <div className="card-shape" />
        <div className="lift-arrow">▲</div>
      </div>
      <p className="take-card-text">{t('takeCard.title')}</p>
      {level > 0 ? <p className="take-card-again">{t('takeCard.stillThere')}</p> : null}
    </div>
  );
}
