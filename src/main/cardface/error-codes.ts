/**
 * Staff-facing error codes of the card-face scan (券面読取) and its OCR. Stable strings: only add.
 * Messages: Japanese first, then " / " English, naming the remedy.
 */
export const CARDFACE_ERROR_CODES = {
  /** The scanner gave no picture (device missing, busy, or capture failed). */
  SCANNER_UNAVAILABLE: 'E-CFS-001',
  /** The picture is malformed (wrong size, empty, corrupt). */
  IMAGE_INVALID: 'E-CFS-002',
  /** The OCR models could not be loaded. */
  MODEL_UNAVAILABLE: 'E-CFS-003',
  /** The printed fields could not be read with enough confidence (after the allowed rescan). */
  FIELDS_UNREADABLE: 'E-CFS-004',
  /**
   * The card refused the 照合番号B read from its front (after the one retry), or the per-insertion
   * limit of 2 wrong tries is reached: no further try until the card is reinserted.
   */
  VERIFICATION_B_REFUSED: 'E-CFS-005',
} as const;

export type CardFaceErrorCode = (typeof CARDFACE_ERROR_CODES)[keyof typeof CARDFACE_ERROR_CODES];

export const CARDFACE_ERROR_MESSAGES: Record<CardFaceErrorCode, string> = {
  'E-CFS-001':
    '券面スキャナから画像を取得できません。カメラの接続と設定を確認してください / The card-face scanner gave no image: check the document camera connection and its configured device.',
  'E-CFS-002':
    '券面画像が不正です。カードを置き直して再度お試しください / The card-face image is malformed: place the card again and retry.',
  'E-CFS-003':
    '文字認識モデルを読み込めません。npm install をやり直してください / The OCR models could not be loaded: re-run npm install.',
  'E-CFS-004':
    '券面の文字を読み取れません。暗証番号または目視確認をご案内ください / The card-face text could not be read: offer PIN entry or staff visual check (目視).',
  'E-CFS-005':
    'カードが券面から読んだ照合番号Bを受け付けません（挿入ごとに2回まで）。暗証番号または目視確認をご案内ください / The card refused the 照合番号B read from its front (at most 2 tries per insertion): offer PIN entry or staff visual check (目視).',
};
