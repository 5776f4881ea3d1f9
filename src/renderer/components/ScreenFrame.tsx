import type { ReactNode } from 'react';
import type { Screen } from '../../shared/snapshot.js';

interface ScreenFrameProps {
  screen: Screen;
  title: string;
  children?: ReactNode;
  /** The primary controls. Kept in one row the seated layout can move low (styles.css `.seated`). */
  actions?: ReactNode;
  /** Less common ways out (call staff, staff-only buttons), below the primary controls. */
  secondary?: ReactNode;
  /** Something is in progress that the patient only waits for. */
  busy?: boolean;
  /** Announce the whole screen at once (errors, warnings). */
  alert?: boolean;
}

/** The one shape of every patient screen: heading, explanation, then the controls. */
export function ScreenFrame({ screen, title, children, actions, secondary, busy, alert }: ScreenFrameProps) {
  return (
    <main className="screen" data-screen={screen} aria-busy={busy || undefined} role={alert ? 'alert' : undefined}>
      <h1>{title}</h1>
      {children}
      {actions ? <div className="actions">{actions}</div> : null}
      {secondary ? <div className="secondary-row">{secondary}</div> : null}
    </main>
  );
}
