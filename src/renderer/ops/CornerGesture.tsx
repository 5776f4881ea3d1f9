import { useRef } from 'react';
import { biText } from './Bi.js';
import { useOps } from './ops-store.js';

const TAPS = 3;
const WITHIN_MS = 1500;

/**
 * The hidden admin entry (隠しメニュー): three taps in the top-right corner within 1.5 s on the
 * standby screen. Invisible to patients and too deliberate to hit by accident; behind it the
 * login (or, on a fresh kiosk, the first-run wizard) still guards everything.
 */
export function CornerGesture({ setupRequired }: { setupRequired: boolean }) {
  const taps = useRef<number[]>([]);
  const open = useOps((s) => s.open);
  const onTap = () => {
    const now = performance.now();
    taps.current = [...taps.current.filter((t) => now - t < WITHIN_MS), now];
    if (taps.current.length >= TAPS) {
      taps.current = [];
      open(setupRequired ? 'wizard' : 'login');
    }
  };
  return <button type="button" className="corner-gesture" aria-label={biText('ops.corner')} onClick={onTap} />;
}
