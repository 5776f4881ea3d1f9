/**
 * Staff-facing error codes of the card module (カード読取). Stable strings: only ever add.
 * Each entry pairs the code with the message staff see (Japanese first, then English), which names
 * the remedy so the reception desk can act without looking anything up.
 */
export const CARD_ERRORS = {
  NOT_RECOGNISED: {
    code: 'E-CARD-001',
    message: 'カードを認識できません。カードの向きを確認して置き直してください / Card not recognised: check the orientation and place it again',
  },
  NOT_MY_NUMBER_CARD: {
    code: 'E-CARD-002',
    message: 'マイナンバーカードではありません。マイナンバーカードを置いてください / Not a My Number card: ask for the My Number card',
  },
  PHONE_TOKEN: {
    code: 'E-CARD-003',
    message: 'スマートフォンの電子証明書は使えません。カードをお持ちか確認してください / Smartphone certificate is not accepted here: ask for the card itself',
  },
  JUKI_CARD: {
    code: 'E-CARD-004',
    message: '住基カードは使えません。マイナンバーカードか資格確認書を確認してください / Old Juki card: ask for the My Number card or 資格確認書',
  },
  CERT_EXPIRED: {
    code: 'E-CARD-005',
    message: '電子証明書の有効期限が切れています。資格確認書での受付と市区町村での更新を案内してください / Certificate expired beyond grace: use 資格確認書 and guide to renewal at the municipal office',
  },
  CERT_REVOKED: {
    code: 'E-CARD-006',
    message: '電子証明書が失効しています。資格確認書での受付を案内してください / Certificate revoked: use 資格確認書',
  },
  CERT_UNTRUSTED: {
    code: 'E-CARD-007',
    message: '電子証明書を検証できません。カードを置き直し、続く場合は目視で確認してください / Certificate chain does not verify against the JPKI CA set: retry, then check visually',
  },
  CARD_BROKEN: {
    code: 'E-CARD-008',
    message: 'カードの応答が不正です。カードを置き直し、続く場合は市区町村へ案内してください / Card answered malformed data: retry, then refer the patient to the municipal office',
  },
  CARD_REMOVED: {
    code: 'E-CARD-009',
    message: '読取中にカードが外されました。もう一度置いてください / Card removed during the read: place it again',
  },
  READER_GONE: {
    code: 'E-CARD-010',
    message: 'カードリーダーが見つかりません。USB接続を確認してください / Card reader disappeared: check the USB cable',
  },
  PCSC_UNAVAILABLE: {
    code: 'E-CARD-011',
    message: 'カードリーダーサービス(pcscd)が応答しません。端末を再起動してください / PC/SC service not responding: restart the terminal',
  },
  TIMEOUT: {
    code: 'E-CARD-012',
    message: 'カードの応答がありません。カードを置き直してください / Card did not answer in time: place it again',
  },
  PIN_BLOCKED: {
    code: 'E-CARD-013',
    message: '暗証番号がロックされています。顔認証か目視で確認し、解除は市区町村へ案内してください / PIN blocked: use face or visual check; unlock at the municipal office',
  },
  PIN_WRONG: {
    code: 'E-CARD-014',
    message: '暗証番号が違います / Wrong PIN',
  },
  COLLATION_REJECTED: {
    code: 'E-CARD-015',
    message: '券面の読取値がカードと一致しません。カードを置き直してください / Card-face numbers (照合番号B) rejected by the chip: rescan the card face',
  },
  FACE_RECORD_FORGED: {
    code: 'E-CARD-016',
    message: '券面情報の署名が検証できません。目視で確認してください / Card-face record signature invalid: check visually',
  },
  UNEXPECTED_STATUS: {
    code: 'E-CARD-017',
    message: 'カードが想定外の応答をしました。カードを置き直してください / Unexpected card status word: place the card again',
  },
  PIN_NOT_SET: {
    code: 'E-CARD-018',
    message: '暗証番号が設定されていないカードです。顔認証か目視で確認してください / PIN-less card: use face or visual check',
  },
  PIN_FORMAT: {
    code: 'E-CARD-019',
    message: '暗証番号は数字4桁です / The PIN must be 4 digits',
  },
  READER_BUSY: {
    code: 'E-CARD-020',
    message: '他のアプリがカードリーダーを使用中です。他のアプリを終了してください / Another application holds the card: close it',
  },
} as const;

export type CardErrorKey = keyof typeof CARD_ERRORS;
