/**
 * Logged-in staff and admin sessions (ログイン状態), held in main's memory only: a random token per
 * login, valid for a few idle minutes, renewed by use. A restart logs everyone out, which is what a
 * shared reception PC should do. The renderer holds only the token, never the secret behind it.
 */
import { randomBytes } from 'node:crypto';
import type { AdminRole } from '../../shared/admin.js';

export interface OpenSession {
  readonly token: string;
  readonly role: AdminRole;
  readonly expiresAt: Date;
}

/** Idle time after which a staff or admin screen must log in again. */
export const SESSION_IDLE_MS = 10 * 60_000;

export class AdminSessions {
  private readonly sessions = new Map<string, { role: AdminRole; expiresAtMs: number }>();

  constructor(
    private readonly now: () => Date,
    private readonly idleMs = SESSION_IDLE_MS,
  ) {}

  open(role: AdminRole): OpenSession {
    const token = randomBytes(32).toString('base64url');
    const expiresAtMs = this.now().getTime() + this.idleMs;
    this.sessions.set(token, { role, expiresAtMs });
    return { token, role, expiresAt: new Date(expiresAtMs) };
  }

  /** The session's role when the token is live (and renews it), undefined otherwise. */
  check(token: string): AdminRole | undefined {
    const nowMs = this.now().getTime();
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (session.expiresAtMs <= nowMs) {
      this.sessions.delete(token);
      return undefined;
    }
    session.expiresAtMs = nowMs + this.idleMs;
    return session.role;
  }

  close(token: string): void {
    this.sessions.delete(token);
  }
}
