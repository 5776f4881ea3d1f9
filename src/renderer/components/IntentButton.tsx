import type { ReactNode } from 'react';
import type { Intent } from '../../shared/intents.js';
import { kiosk } from '../state/kiosk.js';

interface IntentButtonProps {
  intent: Intent;
  children: ReactNode;
  /** primary: the action most patients take; secondary: the other choices; staff: for reception staff. */
  variant?: 'primary' | 'secondary' | 'staff';
  disabled?: boolean;
  pressed?: boolean;
  label?: string;
}

/** A big touch button that only tells main what the patient chose; main decides what happens next. */
export function IntentButton({ intent, children, variant = 'primary', disabled, pressed, label }: IntentButtonProps) {
  return (
    <button
      type="button"
      className={`big-button ${variant}`}
      disabled={disabled}
      aria-pressed={pressed}
      aria-label={label}
      onClick={() => void kiosk().send(intent)}
    >
      {children}
    </button>
  );
}
