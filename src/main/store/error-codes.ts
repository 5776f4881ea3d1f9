/**
 * Staff-visible error codes of the durable store (src/main/store). Only ever add codes:
 * operators keep notes keyed by them.
 */
export const STORE_ERRORS = {
  /** The database file could not be opened or migrated. */
  OPEN_FAILED: 'E-STO-001',
  /** A setting failed validation (wrong type or out of range). */
  INVALID_SETTING: 'E-STO-002',
  /** The audit chain does not verify: a row was altered, removed or inserted out of order. */
  AUDIT_CHAIN_BROKEN: 'E-STO-003',
  /** Something tried to write a forbidden field (image, PIN, My Number) into the store. */
  FORBIDDEN_FIELD: 'E-STO-004',
  /** A queue operation named an item that does not exist or is not in the expected state. */
  QUEUE_STATE: 'E-STO-005',
  /** The database was written by a newer version of the kiosk than this one. */
  SCHEMA_TOO_NEW: 'E-STO-006',
} as const;

export type StoreErrorCode = (typeof STORE_ERRORS)[keyof typeof STORE_ERRORS];
