import type { SessionSnapshot } from '../../shared/snapshot.js';
import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';

type Props = Extract<SessionSnapshot, { screen: 'consent-items' }>;

/**
 * 個別に同意する: 同意する / 同意しない for each item, both equally easy to press; the chosen one
 * stays pressed. 確定 unlocks when every item has an answer (canConfirm from main).
 */
export function ConsentItemsScreen({ answers, canConfirm }: Props) {
  const t = useText();
  return (
    <ScreenFrame
      screen="consent-items"
      title={t('consent.items.title')}
      actions={
        <IntentButton intent={{ type: 'consent-confirm' }} disabled={!canConfirm}>
          {t('consent.items.confirm')}
        </IntentButton>
      }
    >
      <ul className="consent-rows">
        {answers.map(({ item, agree }) => (
          <li key={item} className="consent-row" data-item={item}>
            <span className="consent-item-name" id={`consent-${item}`}>
              {t(`consent.item.${item}`)}
            </span>
            <span className="consent-buttons" role="group" aria-labelledby={`consent-${item}`}>
              <IntentButton intent={{ type: 'consent-item', item, agree: true }} variant="secondary" pressed={agree === true}>
                {t('consent.agree')}
              </IntentButton>
              <IntentButton intent={{ type: 'consent-item', item, agree: false }} variant="secondary" pressed={agree === false}>
                {t('consent.disagree')}
              </IntentButton>
            </span>
          </li>
        ))}
      </ul>
      {!canConfirm ? <p className="note">{t('consent.items.answerAll')}</p> : null}
    </ScreenFrame>
  );
}
