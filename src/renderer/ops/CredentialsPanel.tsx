import { useState, type FormEvent } from 'react';
import type { AdminRole } from '../../shared/admin.js';
import { adminRequest, errorText } from './admin-api.js';
import { Bi, biText } from './Bi.js';

function CredentialForm({ token, role }: { token: string; role: AdminRole }) {
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState<string>();
  const label = role === 'staff' ? 'admin.cred.staff' : 'admin.cred.admin';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reply = await adminRequest({ type: 'change-credential', token, role, secret });
    setSecret('');
    setMessage(reply.ok ? biText('admin.cred.saved') : errorText(reply));
  };
  return (
    <form className="ops-form" data-credential={role} onSubmit={(e) => void submit(e)}>
      <label className="ops-field">
        <Bi k={label} />
        <input type="password" autoComplete="new-password" aria-label={biText(label)} value={secret} onChange={(e) => setSecret(e.target.value)} />
      </label>
      <button type="submit" className="chip chip-strong" disabled={secret.length === 0}>
        <Bi k="admin.settings.save" />
      </button>
      {message ? <p role="status">{message}</p> : null}
    </form>
  );
}

/** Changing the 目視 passcode or the admin password: main checks the format, hashes and audits. */
export function CredentialsPanel({ token }: { token: string }) {
  return (
    <div className="ops-stack" data-panel="credentials">
      <CredentialForm token={token} role="staff" />
      <CredentialForm token={token} role="admin" />
    </div>
  );
}
