/** Credentials live in the settings table (hash and lockout only), one JSON value per role. */
import type { SettingsStore } from '../store/settings.js';
import type { CredentialStorage } from './credential.js';

export function settingsCredentialStorage(settings: SettingsStore): CredentialStorage {
  const key = (role: 'staff' | 'admin') => (role === 'staff' ? 'staffCredential' : 'adminCredential');
  return {
    read: (role) => settings.get(key(role)),
    write: (role, value) => settings.set(key(role), value),
  };
}
