import { useState } from 'react';
import type { MessageKey } from '../i18n/catalog.js';
import { adminRequest } from './admin-api.js';
import { Bi } from './Bi.js';
import { CredentialsPanel } from './CredentialsPanel.js';
import { DiagnosticsPanel } from './DiagnosticsPanel.js';
import { SettingsPanel } from './SettingsPanel.js';
import { StaffPanel } from './StaffPanel.js';
import { TroublesPanel } from './TroublesPanel.js';
import { useOps } from './ops-store.js';

type Tab = 'staff' | 'settings' | 'diagnostics' | 'troubles' | 'credentials';

const ADMIN_TABS: readonly Tab[] = ['staff', 'settings', 'diagnostics', 'troubles', 'credentials'];
const TAB_LABEL: Record<Tab, MessageKey> = {
  staff: 'admin.tab.staff',
  settings: 'admin.tab.settings',
  diagnostics: 'admin.tab.diagnostics',
  troubles: 'admin.tab.troubles',
  credentials: 'admin.tab.credentials',
};

/** After login: staff see the staff panel; the admin sees every tab. */
export function AdminScreen() {
  const { token, role, close } = useOps();
  const tabs = role === 'admin' ? ADMIN_TABS : (['staff'] as const);
  const [tab, setTab] = useState<Tab>(role === 'admin' ? 'settings' : 'staff');
  if (!token) return null;
  const logout = () => {
    void adminRequest({ type: 'logout', token });
    close();
  };
  return (
    <main className="screen ops-screen" data-screen="admin">
      <nav className="ops-tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className="chip" onClick={() => setTab(t)}>
            <Bi k={TAB_LABEL[t]} />
          </button>
        ))}
        <button type="button" className="chip chip-strong" onClick={logout}>
          <Bi k="admin.logout" />
        </button>
      </nav>
      <section className="ops-panel" role="tabpanel">
        {tab === 'staff' ? <StaffPanel token={token} /> : null}
        {tab === 'settings' ? <SettingsPanel token={token} /> : null}
        {tab === 'diagnostics' ? <DiagnosticsPanel token={token} /> : null}
        {tab === 'troubles' ? <TroublesPanel token={token} /> : null}
        {tab === 'credentials' ? <CredentialsPanel token={token} /> : null}
      </section>
    </main>
  );
}
