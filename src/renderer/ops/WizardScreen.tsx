import { useState, type FormEvent } from 'react';
import type { MessageKey } from '../i18n/catalog.js';
import { adminRequest, errorText, viewOf } from './admin-api.js';
import { FormFooter } from './FormFooter.js';
import { Bi, biText } from './Bi.js';
import { useOps } from './ops-store.js';

/**
 * 初回設定: a fresh kiosk has no staff passcode and no admin password, and no staff or admin
 * function works until both are set here. Each is typed twice; main checks the formats again and
 * refuses the wizard once an admin password exists.
 */
export function WizardScreen() {
  const [fields, setFields] = useState({ staff: '', staffAgain: '', admin: '', adminAgain: '' });
  const [error, setError] = useState<string>();
  const { loggedIn, close } = useOps();
  const mismatch = fields.staff !== fields.staffAgain || fields.admin !== fields.adminAgain;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return setError(biText('admin.wizard.mismatch'));
    const reply = await adminRequest({ type: 'setup', staffPasscode: fields.staff, adminPassword: fields.admin });
    const login = viewOf(reply, 'login');
    if (login) loggedIn(login.token, login.role);
    else setError(errorText(reply));
  };
  const field = (name: keyof typeof fields, label: MessageKey, numeric: boolean) => (
    <label className="ops-field">
      <Bi k={label} />
      <input
        type="password"
        autoComplete="new-password"
        inputMode={numeric ? 'numeric' : 'text'}
        aria-label={biText(label)}
        value={fields[name]}
        onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
      />
    </label>
  );
  return (
    <main className="screen ops-screen" data-screen="setup-wizard">
      <h1>
        <Bi k="admin.wizard.title" />
      </h1>
      <p className="lead">
        <Bi k="admin.wizard.body" />
      </p>
      <form className="ops-form" onSubmit={(e) => void submit(e)}>
        {field('staff', 'admin.wizard.staff', true)}
        {field('staffAgain', 'admin.wizard.staffAgain', true)}
        {field('admin', 'admin.wizard.admin', false)}
        {field('adminAgain', 'admin.wizard.adminAgain', false)}
        <FormFooter error={error} submitKey="admin.wizard.submit" onBack={close} />
      </form>
    </main>
  );
}
