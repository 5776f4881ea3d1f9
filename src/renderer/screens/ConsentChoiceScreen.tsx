import type { ConsentItem } from '../../shared/snapshot.js';
import { IntentButton } from '../components/IntentButton.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useText } from '../i18n/use-text.js';

/**
 * 医療情報の提供への同意 (since Oct 2024): 全て同意する or 個別に同意する. The items this facility
 * asks about are listed, so "all" means something concrete; choosing per item is an equal button
 * right beside it, never hidden.
 */
export function ConsentChoiceScreen({ items }: { items: readonly ConsentItem[] }) {
  const t = useText();
  return (
    <ScreenFrame
      screen="consent-choice"
      title={t('consent.title')}
      actions={
        <>
          <IntentButton intent={{ type: 'consent-all' }}>{t('consent.all')}</IntentButton>
          <IntentButton intent={{ type: 'consent-individually' }} variant="secondary">
            {t('consent.individually')}
          </IntentButton>
        </>
      }
    >
      <p className="lead">{t('consent.body')}</p>
      <ul className="item-tags">
        {items.map((item) => (
          <li key={item}>{t(`consent.item.${item}`)}</li>
        ))}
      </ul>
      <p className="note">{t('consent.validity')}</p>
    </ScreenFrame>
  );
}
