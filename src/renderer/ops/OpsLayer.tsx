import './ops.css';
import type { ReactNode } from 'react';
import type { SessionSnapshot } from '../../shared/snapshot.js';
import { AdminScreen } from './AdminScreen.js';
import { biText } from './Bi.js';
import { CornerGesture } from './CornerGesture.js';
import { LoginScreen } from './LoginScreen.js';
import { useOps } from './ops-store.js';
import { useCameraReport } from './use-camera-report.js';
import { useOpsStatus } from './use-ops-status.js';
import { WizardScreen } from './WizardScreen.js';

/** Screens where staff type the 目視 passcode and may meet its lock. */
const PASSCODE_SCREENS: ReadonlySet<SessionSnapshot['screen']> = new Set(['staff-passcode', 'staff-needed']);

/**
 * The staff/IT layer over the patient screens. The admin screens show only while the kiosk is at
 * standby: a card placed meanwhile brings the patient's screen back at once (the login is kept
 * for when the patient has gone). Also reports the camera to the watchdog and shows, on the 目視
 * screens, the staff passcode's lock or that it is not set yet (a fresh kiosk takes patients
 * by face and PIN before the first-run wizard; only staff functions wait for it).
 */
export function OpsLayer({ snapshot, children }: { snapshot: SessionSnapshot | undefined; children: ReactNode }) {
  const route = useOps((s) => s.route);
  const atStandby = snapshot?.screen === 'standby';
  const onPasscodeScreen = snapshot !== undefined && PASSCODE_SCREENS.has(snapshot.screen);
  const status = useOpsStatus(atStandby || onPasscodeScreen);
  // The screen gallery has no main behind it, so nothing to report to.
  useCameraReport(snapshot !== undefined && !window.kioskGallery);

  if (atStandby && route !== 'kiosk') {
    if (route === 'login') return <LoginScreen />;
    if (route === 'wizard') return <WizardScreen />;
    return <AdminScreen />;
  }
  return (
    <>
      {children}
      {atStandby ? <CornerGesture setupRequired={status?.setupRequired ?? false} /> : null}
      {atStandby && status?.setupRequired ? (
        <p className="ops-banner" role="status" data-ops="setup-required">
          {biText('ops.setupBanner')}
        </p>
      ) : null}
      {onPasscodeScreen && status?.setupRequired ? (
        <p className="ops-banner warn" role="alert" data-ops="passcode-not-set">
          {biText('ops.passcodeNotSet')}
        </p>
      ) : null}
      {onPasscodeScreen && status?.staffLockedUntil ? (
        <p className="ops-banner warn" role="alert" data-ops="staff-locked">
          {biText('ops.lockedUntil', { time: new Date(status.staffLockedUntil).toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo' }) })}
        </p>
      ) : null}
    </>
  );
}
