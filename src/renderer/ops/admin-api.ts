/**
 * The staff/admin channel from the renderer: one request, one validated reply. A reply saying the
 * login has ended (E-OPS-018) sends the screen back to the login, so no view lingers without one.
 */
import type { AdminReply, AdminRequest, AdminView } from '../../shared/admin.js';
import { kiosk } from '../state/kiosk.js';
import { useOps } from './ops-store.js';

const LOGIN_REQUIRED = 'E-OPS-018';
const NO_CHANNEL: AdminReply = { ok: false, error: { code: 'E-IPC-004', message: '管理機能に接続できません / Admin channel unavailable' } };

export async function adminRequest(request: AdminRequest): Promise<AdminReply> {
  const api = kiosk();
  const reply = api.admin ? await api.admin(request) : NO_CHANNEL;
  if (!reply.ok && reply.error.code === LOGIN_REQUIRED) useOps.setState({ route: 'login', token: undefined, role: undefined });
  return reply;
}

/** Narrows a reply to the view kind the caller asked for. */
export function viewOf<K extends AdminView['kind']>(reply: AdminReply, kind: K): Extract<AdminView, { kind: K }> | undefined {
  return reply.ok && reply.view.kind === kind ? (reply.view as Extract<AdminView, { kind: K }>) : undefined;
}

export function errorText(reply: AdminReply): string | undefined {
  return reply.ok ? undefined : `${reply.error.code}: ${reply.error.message}`;
}
