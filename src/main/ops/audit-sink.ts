/**
 * Where ops modules record what staff and the kiosk did (監査ログ). The store's AuditLog satisfies
 * it; tests pass an array. Details are small flat facts: never a passcode, image or PIN.
 */
import type { AuditLog } from '../store/audit-log.js';

export type AuditSink = Pick<AuditLog, 'append'>;
