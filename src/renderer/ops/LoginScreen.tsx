import { useState, type FormEvent } from 'react';
import type { AdminRole } from '../../shared/admin.js';
import { adminRequest, errorText, viewOf } from './admin-api.js';
import { FormFooter } from './FormFooter.js';
import { Bi, biText } from './Bi.js';
import { useOps } from './ops-store.js';

/**
 * 職員・管理者ログイン: the staff 目視 passcode opens the staff panel, the admin password opens
 * everything. The secret lives in this form's state only until it is sent.
 */
export function LoginScreen() {
  const [role, setRole] = useState<AdminRole>('admin');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string>();
  const { loggedIn, close } = useOps();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reply = await adminRequest({ type: 'login', role, secret });
    setSecret('');
    const login = viewOf(reply, 'login');
    if (login) loggedIn(login.token, login.role);
    else setError(errorText(reply));
  };
  return (
    <main className="screen ops-screen" data-screen="admin-login">
      <h1>
        <Bi k="admin.login.title" />
      </h1>
      <form className="ops-form" onSubmit={(e) => void submit(e)}>
        <fieldset className="ops-choice">
          {(['staff', 'admin'] as const).map((r) => (
            <label key={r}>
              <input type="radio" name="role" checked={role === r} onChange={() => setRole(r)} />
              <Bi k={r === 'staff' ? 'admin.login.staff' : 'admin.login.admin'} />
            </label>
          ))}
        </fieldset>
        <label className="ops-field">
          <Bi k="admin.login.secret" />
          <input type="password" autoComplete="off" inputMode={role === 'staff' ? 'numeric' : 'text'} value={secret} onChange={(e) => setSecret(e.target.value)} aria-label={biText('admin.login.secret')} />
        </label>
        <FormFooter error={error} submitKey="admin.login.submit" canSubmit={secret.length > 0} onBack={close} />
      </form>
    </main>
  );
}
