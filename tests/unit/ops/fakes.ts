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

import type { KioskActivity } from '../../../src/main/ops/kiosk-activity.js';
import type { RestartHistory, RestartRecord } from '../../../src/main/ops/restart-history.js';

/** The kiosk's session state as the tests drive it: a patient arrives and leaves. */
export function fakeActivity(): KioskActivity & { patientArrives(): void; patientLeaves(): void } {
  let idle = true;
  const listeners = new Set<() => void>();
  return {
    isIdle: () => idle,
    onIdle(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    patientArrives: () => void (idle = false),
    patientLeaves() {
      idle = true;
      for (const l of listeners) l();
    },
  };
}

export function memoryHistory(initial: RestartRecord[] = []): RestartHistory & { records: RestartRecord[] } {
  const records = [...initial];
  return {
    records,
    append: (r) => void records.push(r),
    lastHandledSlotMs: () => (records.length ? Math.max(...records.map((r) => r.slotAtMs)) : undefined),
  };
}
