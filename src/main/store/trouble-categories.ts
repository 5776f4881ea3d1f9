/**
 * Trouble categories (トラブル分類) of the 保団連 survey, in the one place they are enumerated.
 * The list follows the survey findings as summarised in reader-field-guide.md §6 [S47][S48];
 * the survey's own questionnaire wording was not available, so the grouping is ours and is
 * recorded in docs/qualification.md. Only ever add categories: exported statistics keep them.
 */
export const TROUBLE_CATEGORIES = {
  /** 氏名・住所の「●」表示 (characters outside the shared set). */
  unknownCharacters: { ja: '「●」表示', en: 'names shown with "●"' },
  /** 資格(無効)・資格情報なし. */
  qualificationNotFound: { ja: '資格(無効)・資格情報なし', en: 'qualification invalid or not found' },
  /** カードリーダーの接続不良・認証エラー. */
  readerFault: { ja: 'カードリーダーの接続不良・エラー', en: 'reader connection or authentication error' },
  /** 電子証明書の有効期限切れ. */
  certificateExpired: { ja: '電子証明書の有効期限切れ', en: 'certificate expired' },
  /** カードが読み取れない (case, dirt, placement). */
  cardUnreadable: { ja: 'カード読み取り不可', en: 'card could not be read' },
  /** 顔認証の失敗. */
  faceAuthFailed: { ja: '顔認証の失敗', en: 'face authentication failed' },
  /** 暗証番号のロック・失念. */
  pinLocked: { ja: '暗証番号ロック・失念', en: 'PIN locked or forgotten' },
  /** システム障害・通信障害 (the qualification service could not be reached). */
  serviceOutage: { ja: 'システム・通信障害', en: 'service or network outage' },
  /** 一旦10割負担 (the patient had to pay the full cost first). */
  fullCostCharged: { ja: '一旦10割負担', en: 'patient charged 100% first' },
  /** その他. */
  other: { ja: 'その他', en: 'other' },
} as const;

export type TroubleCategory = keyof typeof TROUBLE_CATEGORIES;
export const TROUBLE_CATEGORY_KEYS = Object.keys(TROUBLE_CATEGORIES) as TroubleCategory[];
