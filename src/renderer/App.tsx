import type { SessionSnapshot } from '../shared/snapshot.js';
import { useSession } from './state/session-store.js';
import { LanguageBar } from './components/LanguageBar.js';
import { StandbyScreen } from './screens/StandbyScreen.js';
import { ReadingScreen } from './screens/ReadingScreen.js';
import { ErrorScreen } from './screens/ErrorScreen.js';
import { WaitScreen } from './screens/WaitScreen.js';

export function App() {
  const snapshot = useSession((s) => s.snapshot);
  return (
    <div className={snapshot?.largeText ? 'app large-text' : 'app'} lang={snapshot?.language ?? 'ja'}>
      {snapshot ? <ScreenFor snapshot={snapshot} /> : <WaitScreen screen="connecting" />}
      <LanguageBar />
    </div>
  );
}

function ScreenFor({ snapshot }: { snapshot: SessionSnapshot }) {
  switch (snapshot.screen) {
    case 'standby':
      return <StandbyScreen />;
    case 'reading':
      return <ReadingScreen />;
    case 'error':
      return <ErrorScreen error={snapshot.error} />;
    default:
      return <WaitScreen screen={snapshot.screen} />;
  }
}
