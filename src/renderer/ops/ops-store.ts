/**
 * Where the renderer is outside the patient flow: the staff/admin screens behind the corner
 * gesture. Holds the login token main gave (never a passcode) and forgets it on logout, on
 * expiry and when a patient arrives.
 */
import { create } from 'zustand';
import type { AdminRole } from '../../shared/admin.js';

export type OpsRoute = 'kiosk' | 'login' | 'wizard' | 'admin';

interface OpsState {
  route: OpsRoute;
  token: string | undefined;
  role: AdminRole | undefined;
  open(route: OpsRoute): void;
  loggedIn(token: string, role: AdminRole): void;
  close(): void;
}

export const useOps = create<OpsState>((set) => ({
  route: 'kiosk',
  token: undefined,
  role: undefined,
  open: (route) => set({ route }),
  loggedIn: (token, role) => set({ token, role, route: 'admin' }),
  close: () => set({ route: 'kiosk', token: undefined, role: undefined }),
}));
