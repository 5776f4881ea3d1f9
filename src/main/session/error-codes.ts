/**
 * Staff codes for failures the session itself detects (timeouts while waiting on a device or
 * a person). Codes from the card, face and service modules pass through unchanged.
 * Only ever add codes: staff and operators keep notes by code.
 */
export const SESSION_ERRORS = {
  /** The card did not answer the read in time. */
  CARD_READ_TIMEOUT: 'E-SES-001',
  /** The card did not answer the PIN VERIFY in time; the PIN is NOT sent again. */
  PIN_VERIFY_TIMEOUT: 'E-SES-002',
  /** Registration (利用登録) failed or did not answer. */
  REGISTRATION_FAILED: 'E-SES-003',
  /** A patient screen waited too long for a touch. */
  PATIENT_TIMEOUT: 'E-SES-004',
  /** The face-matching attempt did not finish in time. */
  FACE_TIMEOUT: 'E-SES-005',
  /** The staff passcode check did not answer, or staff left the 目視 screens unattended. */
  STAFF_TIMEOUT: 'E-SES-006',
  /** The qualification service did not answer in time; the request is queued. */
  QUALIFICATION_TIMEOUT: 'E-SES-007',
} as const;

/** Staff messages, Japanese first then English, each naming the remedy. */
export const SESSION_ERROR_MESSAGES = {
  [SESSION_ERRORS.CARD_READ_TIMEOUT]:
    'カードを読み取れませんでした。カードをケースから出して置き直してください（続く場合はリーダーを再起動） / Card read timed out: take the card out of its sleeve and place it again (restart the reader if it persists)',
  [SESSION_ERRORS.PIN_VERIFY_TIMEOUT]:
    'カードが暗証番号の照合に応答しません。暗証番号は再送していません。カードを置き直してください / The card did not answer the PIN check; the PIN was not resent. Place the card again',
} as const;
