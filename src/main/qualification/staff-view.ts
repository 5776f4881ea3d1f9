/**
 * What reception staff see for one patient (受付スタッフ向け表示): the result, share, insurer, kana
 * name, the "●" flag, the old qualification for 資格(無効), and the next step for every result that
 * is not plainly valid (PRODUCT.md §3.5). Pure mapping from service answers; no I/O.
 */
import type { Qualification, QualificationResponse, RejectionReason } from './protocol.js';
import { QUALIFICATION_VALIDITY, type QualificationValidity } from './validity.js';
import { UNKNOWN_CHARACTER } from './shift-jis.js';

export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

export interface StaffResultView {
  readonly requestId: string;
  readonly status: 'confirmed' | 'pending' | 'rejected';
  readonly validity: QualificationValidity | null;
  readonly result: Bilingual;
  /** 負担割合 as staff say it ("3割"); for 高齢受給者 the certificate's share. */
  readonly share: string | null;
  readonly insurerName: string | null;
  readonly insurerNumber: string | null;
  readonly nameKana: string | null;
  readonly name: string | null;
  /** The name or address holds "●": check the card face and correct it in the レセコン. */
  readonly hasUnknownCharacters: boolean;
  /** 旧資格 for 資格(無効): what to claim with, and why it was lost. */
  readonly oldQualification: { readonly insurerName: string; readonly insurerNumber: string; readonly lostOn: string; readonly reason: Bilingual } | null;
  readonly notice: string | null;
  readonly nextStep: Bilingual | null;
}

const RESULT_LABELS: Record<QualificationValidity, Bilingual> = {
  1: { ja: '有効', en: 'valid' },
  2: { ja: '資格(無効)', en: 'invalid (lost)' },
  3: { ja: '資格(無効) 新しい資格あり', en: 'invalid (newer qualification exists)' },
  4: { ja: '資格情報なし', en: 'no qualification found' },
  5: { ja: '複数該当', en: 'several matches' },
  6: { ja: '有効 (保険者の登録未了)', en: 'valid (insurer link pending)' },
};

const REASON_OF_LOSS: Record<NonNullable<Qualification['reasonOfLoss']>, Bilingual> = {
  '01': { ja: '死亡', en: 'death' },
  '02': { ja: '生活保護', en: 'public assistance' },
  '03': { ja: '他の保険へ加入', en: 'joined other insurance' },
  '99': { ja: 'その他', en: 'other' },
};

/** Next steps from 保発0710第1号 and the claim notices (PRODUCT.md §3.5). */
const NEXT_STEPS: Partial<Record<QualificationValidity, Bilingual>> = {
  2: {
    ja: '資格情報のお知らせ・マイナポータル画面・資格確認書を確認。なければ被保険者資格申立書を記入し通常の負担割合で受付。請求は旧資格で可(摘要「旧資格情報」)',
    en: 'Check the 資格情報のお知らせ, マイナポータル screen or 資格確認書; otherwise fill a 被保険者資格申立書 and charge the normal share. Claim with the old qualification (摘要 "旧資格情報").',
  },
  3: {
    ja: '新しい資格の情報(資格情報のお知らせ等)を患者に確認。確認できなければ旧資格で請求可(摘要「旧資格情報」)',
    en: 'Ask the patient for the new qualification (資格情報のお知らせ etc.); if not available, claim with the old one (摘要 "旧資格情報").',
  },
  4: {
    ja: '資格確認書・資格情報のお知らせ・マイナポータル画面を確認。なければ被保険者資格申立書を記入し通常の負担割合で受付(不詳請求)',
    en: 'Check the 資格確認書, 資格情報のお知らせ or マイナポータル screen; otherwise fill a 被保険者資格申立書, charge the normal share and claim as 不詳.',
  },
  5: {
    ja: '複数の資格が該当。保険証情報(記号・番号)で照会するか、資格情報のお知らせで確認',
    en: 'Several qualifications match: query by insurance-card data (記号・番号) or check the 資格情報のお知らせ.',
  },
};

const PENDING_STEP: Bilingual = {
  ja: 'オンライン資格確認が未完了(通信障害)。本人確認済み。申告の負担割合で受付し、回復後に自動で確認します',
  en: 'Not yet confirmed (service outage). Identity was checked. Charge the declared share; the kiosk confirms automatically when the service returns.',
};

const REJECTION_STEPS: Record<RejectionReason, Bilingual> = {
  'certificate-expired': {
    ja: '電子証明書の有効期限切れ。資格確認書、またはカードと資格情報のお知らせ・マイナポータル画面で確認。市区町村で更新を案内',
    en: 'Certificate expired: use the 資格確認書, or the card with the 資格情報のお知らせ / マイナポータル screen. Send the patient to the municipal office to renew.',
  },
  'certificate-revoked': {
    ja: '電子証明書が失効しています。資格確認書等で確認し、市区町村での手続きを案内',
    en: 'Certificate revoked: check with the 資格確認書 etc. and send the patient to the municipal office.',
  },
  'not-registered': { ja: '健康保険証利用登録が必要です。カードリーダーで利用登録を案内', en: 'Card not registered for health insurance: guide the patient through 利用登録 at the kiosk.' },
  'certificate-untrusted': { ja: '証明書を確認できません。資格確認書等で確認', en: 'Certificate not recognised: check with the 資格確認書 etc.' },
  'bad-signature': { ja: '本人確認に失敗。もう一度カードで確認するか目視モードへ', en: 'Identity proof failed: try the card again or use 目視 mode.' },
  'unknown-device': { ja: 'この端末が資格確認サービスに登録されていません(IT担当へ)', en: 'This kiosk is not registered with the service (call IT).' },
  'nonce-invalid': { ja: '確認に時間がかかりすぎました。もう一度カードを置いてください', en: 'The check took too long: place the card again.' },
  'bad-request': { ja: '資格確認の要求が拒否されました(IT担当へ)', en: 'The service refused the request (call IT).' },
};

/** "030" → "3割". */
export function shareLabel(ratio: string): string {
  return `${Number(ratio) / 10}割`;
}

export function hasUnknownCharacters(q: Pick<Qualification, 'name' | 'address'>): boolean {
  return q.name.includes(UNKNOWN_CHARACTER) || q.address.includes(UNKNOWN_CHARACTER);
}

export function confirmedView(response: QualificationResponse): StaffResultView {
  const q = response.qualification;
  const lost = response.validity === QUALIFICATION_VALIDITY.invalid || response.validity === QUALIFICATION_VALIDITY.invalidNewerExists;
  return {
    requestId: response.requestId,
    status: 'confirmed',
    validity: response.validity,
    result: RESULT_LABELS[response.validity],
    share: q === null ? null : shareLabel(q.elderlyRecipient?.contributionRatio ?? q.partialContributionRatio),
    insurerName: q?.insurerName ?? null,
    insurerNumber: q?.insurerNumber ?? null,
    nameKana: q?.nameKana ?? null,
    name: q?.name ?? null,
    hasUnknownCharacters: q !== null && hasUnknownCharacters(q),
    oldQualification:
      lost && q !== null
        ? {
            insurerName: q.insurerName,
            insurerNumber: q.insurerNumber,
            lostOn: q.disqualificationDate ?? '',
            reason: q.reasonOfLoss === null ? REASON_OF_LOSS['99'] : REASON_OF_LOSS[q.reasonOfLoss],
          }
        : null,
    notice: response.notice,
    nextStep: NEXT_STEPS[response.validity] ?? null,
  };
}

/** A request queued during an outage; `nameKana` is what the card told us (券面事項). */
export function pendingView(requestId: string, nameKana: string | null): StaffResultView {
  return {
    requestId,
    status: 'pending',
    validity: null,
    result: { ja: '未確認 (確認待ち)', en: 'pending confirmation' },
    share: null,
    insurerName: null,
    insurerNumber: null,
    nameKana,
    name: null,
    hasUnknownCharacters: false,
    oldQualification: null,
    notice: null,
    nextStep: PENDING_STEP,
  };
}

export function rejectedView(requestId: string, reason: RejectionReason, nameKana: string | null): StaffResultView {
  return { ...pendingView(requestId, nameKana), status: 'rejected', result: { ja: '確認できません', en: 'could not be confirmed' }, nextStep: REJECTION_STEPS[reason] };
}
