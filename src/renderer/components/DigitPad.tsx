import type { Translate } from '../i18n/use-text.js';

interface DigitPadProps {
  onDigit(digit: number): void;
  onDelete(): void;
  onSubmit(): void;
  canSubmit: boolean;
  t: Translate;
}

/** Telephone order (1 at top left), as on ATMs and phones, which older patients know best. */
const ROWS = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
] as const;

/** The 0–9 pad with 訂正 and 確定, shared by the patient's PIN and the staff passcode. */
export function DigitPad({ onDigit, onDelete, onSubmit, canSubmit, t }: DigitPadProps) {
  const key = (digit: number) => (
    <button key={digit} type="button" className="pad-key" onClick={() => onDigit(digit)}>
      {digit}
    </button>
  );
  return (
    <div className="digit-pad" role="group" aria-label={t('pad.label')}>
      {ROWS.map((row) => row.map(key))}
      <button type="button" className="pad-key pad-delete" onClick={onDelete}>
        {t('pad.delete')}
      </button>
      {key(0)}
      <button type="button" className="pad-key pad-submit" disabled={!canSubmit} onClick={onSubmit}>
        {t('pad.submit')}
      </button>
    </div>
  );
}
