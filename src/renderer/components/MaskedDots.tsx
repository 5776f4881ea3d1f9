interface MaskedDotsProps {
  filled: number;
  total: number;
  /** Read out as e.g. "2 of 4 digits entered": the digits themselves are never shown. */
  label: string;
}

/** ● for each digit typed, ○ for each still to type: the patient sees progress, onlookers see nothing. */
export function MaskedDots({ filled, total, label }: MaskedDotsProps) {
  return (
    <div className="masked-dots" role="img" aria-label={label}>
      {Array.from({ length: total }, (_, i) => (
        <span key={i} className={i < filled ? 'dot filled' : 'dot'} aria-hidden="true" />
      ))}
    </div>
  );
}
