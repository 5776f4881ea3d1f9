import type { SessionSnapshot } from '../shared/snapshot.js';
import { useSession } from './state/session-store.js';
import { useLayout } from './state/layout-store.js';
import { useSoundCues } from './sound/use-sound-cues.js';
import { SettingsBar } from './components/SettingsBar.js';
import { StandbyScreen } from './screens/StandbyScreen.js';
import { ReadingScreen } from './screens/ReadingScreen.js';
import { CardUnusableScreen } from './screens/CardUnusableScreen.js';
import { RegistrationTermsScreen } from './screens/RegistrationTermsScreen.js';
import { RegistrationCompleteScreen } from './screens/RegistrationCompleteScreen.js';
import { MethodChoiceScreen } from './screens/MethodChoiceScreen.js';
import { FaceScreen } from './screens/FaceScreen.js';
import { FaceFailedScreen } from './screens/FaceFailedScreen.js';
import { PinEntryScreen } from './screens/PinEntryScreen.js';
import { WorkingScreen } from './screens/WorkingScreen.js';
import { StaffNeededScreen } from './screens/StaffNeededScreen.js';
import { StaffPasscodeScreen } from './screens/StaffPasscodeScreen.js';
import { VisualCheckScreen } from './screens/VisualCheckScreen.js';
import { ExpiryNoticeScreen } from './screens/ExpiryNoticeScreen.js';
import { ConsentChoiceScreen } from './screens/ConsentChoiceScreen.js';
import { ConsentItemsScreen } from './screens/ConsentItemsScreen.js';
import { EPrescriptionScreen } from './screens/EPrescriptionScreen.js';
import { DoneScreen } from './screens/DoneScreen.js';
import { ErrorScreen } from './screens/ErrorScreen.js';
import { WaitScreen } from './screens/WaitScreen.js';
import { OpsLayer } from './ops/OpsLayer.js';

export function App() {
  const snapshot = useSession((s) => s.snapshot);
  const seated = useLayout((s) => s.seated);
  useSoundCues(snapshot);
  const classes = ['app', snapshot?.largeText ? 'large-text' : '', seated ? 'seated' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} lang={snapshot?.language ?? 'ja'}>
      <OpsLayer snapshot={snapshot}>{snapshot ? <ScreenFor snapshot={snapshot} /> : <WaitScreen screen="connecting" />}</OpsLayer>
      <SettingsBar />
    </div>
  );
}

/** One component per snapshot variant; the compiler fails here when the contract gains a screen. */
export function ScreenFor({ snapshot }: { snapshot: SessionSnapshot }) {
  switch (snapshot.screen) {
    case 'standby':
      return <StandbyScreen />;
    case 'reading':
      return <ReadingScreen />;
    case 'card-unusable':
      return <CardUnusableScreen {...snapshot} />;
    case 'registration-terms':
      return <RegistrationTermsScreen />;
    case 'registration-complete':
      return <RegistrationCompleteScreen />;
    case 'method-choice':
      return <MethodChoiceScreen {...snapshot} />;
    case 'face':
      return <FaceScreen {...snapshot} />;
    case 'face-failed':
      return <FaceFailedScreen {...snapshot} />;
    case 'pin-entry':
      return <PinEntryScreen {...snapshot} />;
    case 'working':
      return <WorkingScreen step={snapshot.step} />;
    case 'staff-needed':
      return <StaffNeededScreen reason={snapshot.reason} />;
    case 'staff-passcode':
      return <StaffPasscodeScreen wrongAttempts={snapshot.wrongAttempts} />;
    case 'visual-check':
      return <VisualCheckScreen {...snapshot} />;
    case 'expiry-notice':
      return <ExpiryNoticeScreen {...snapshot} />;
    case 'consent-choice':
      return <ConsentChoiceScreen items={snapshot.items} />;
    case 'consent-items':
      return <ConsentItemsScreen {...snapshot} />;
    case 'e-prescription':
      return <EPrescriptionScreen />;
    case 'done':
      return <DoneScreen {...snapshot} />;
    case 'error':
      return <ErrorScreen error={snapshot.error} />;
    default: {
      // Compile-time: every variant is handled above. Run-time: a newer main than this renderer
      // gets a calm "please wait" rather than a blank page.
      const _unhandled: never = snapshot;
      return <WaitScreen screen="unknown" />;
    }
  }
}
