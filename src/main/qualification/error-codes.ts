/**
 * Staff-visible error codes of the qualification gateway and the レセコン output. Only ever add.
 */
export const QUALIFICATION_ERRORS = {
  /** The qualification service did not answer usefully after every retry (timeout, 5xx, garbage). */
  SERVICE_UNREACHABLE: 'E-OQS-001',
  /** The service refused the request (certificate, signature, registration): retrying will not help. */
  REQUEST_REJECTED: 'E-OQS-002',
  /** The card's certificate is revoked or expired beyond the grace period. */
  CERTIFICATE_NOT_USABLE: 'E-OQS-003',
  /** The card is not registered for health-insurance use (利用登録 needed). */
  NOT_REGISTERED: 'E-OQS-004',
  /** The service does not know this kiosk's device key: face / 目視 proofs are refused (PIN still works). */
  DEVICE_NOT_REGISTERED: 'E-OQS-005',
  /** A レセコン result file could not be written to the configured folder. */
  RECEIPT_WRITE_FAILED: 'E-RCP-001',
  /** A 被保険者資格申立書 is incomplete or inconsistent. */
  DECLARATION_INVALID: 'E-RCP-002',
} as const;
