/** Small in-memory stand-ins for the ports ops modules take (store, audit log). */
import type { AuditDetail } from '../../../src/main/store/audit-log.js';
import type { AuditSink } from '../../../src/main/ops/audit-sink.js';
import { EMPTY_CREDENTIAL, type CredentialRole, type CredentialStorage, type StoredCredential } from '../../../src/main/ops/credential.js';

export interface AuditRow {
  kind: string;
  detail: AuditDetail;
  atMs: number;
}

export function memoryAudit(): AuditSink & { rows: AuditRow[] } {
  const rows: AuditRow[] = [];
  return {
    rows,
    append(kind, detail, atMs = 0) {
      rows.push({ kind, detail, atMs });
      return { seq: rows.length, atMs, kind, detail, hash: '' };
    },
  };
}

/** Round-trips through JSON, as the settings table does, so nothing relies on object identity. */
export function memoryCredentialStorage(): CredentialStorage & { raw: Map<CredentialRole, string> } {
  const raw = new Map<CredentialRole, string>();
  return {
    raw,
    read: (role) => (raw.has(role) ? (JSON.parse(raw.get(role)!) as StoredCredential) : EMPTY_CREDENTIAL),
    write: (role, value) => void raw.set(role, JSON.stringify(value)),
  };
}
