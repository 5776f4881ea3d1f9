/**
 * 被保険者資格申立書 (self-declaration of insurance qualification, 保発0710第1号 別添3): what the
 * patient declares when the qualification cannot be confirmed online, prefilled from the card
 * (券面事項) and OCR, completed on the touch screen or by staff. The form's own text is not in
 * our reference set; the fields follow PRODUCT.md §3.5 and the claim notices that quote the form
 * (choices recorded in docs/qualification.md).
 */
import { z } from 'zod';
import { KioskError } from '../../../shared/errors.js';
import { QUALIFICATION_ERRORS } from '../error-codes.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** 保険種別 choices on the form. */
export const INSURANCE_TYPES = {
  kyokai: '協会けんぽ',
  kumiai: '健康保険組合',
  kyosai: '共済組合',
  kokuho: '国民健康保険',
  kokuhoKumiai: '国民健康保険組合',
  kouki: '後期高齢者医療',
  other: 'その他',
  unknown: 'わからない',
} as const;
export type InsuranceType = keyof typeof INSURANCE_TYPES;

/** Employee insurance types: the 事業所名 and 本人/家族 questions apply only to these. */
export const EMPLOYEE_INSURANCE: readonly InsuranceType[] = ['kyokai', 'kumiai', 'kyosai'];

/** 一部負担金の割合 as declared. */
export const DECLARED_SHARES = { '1': '1割', '2': '2割', '3': '3割', unknown: 'わからない' } as const;

export const declarationSchema = z
  .object({
    /** 記入日. */
    filledOn: isoDate,
    /** 氏名 and フリガナ (card face: 氏名; OCR or the patient for kana). */
    name: z.string().min(1).max(100),
    nameKana: z.string().regex(/^[\u30A0-\u30FF\u3000 ]+$/, 'カタカナで入力 / katakana only'),
    /** 生年月日 (card face). */
    birthDate: isoDate,
    /** 性別 (card face): 1 male, 2 female. */
    sex: z.enum(['1', '2']),
    /** 住所: every address the patient gives (the 不詳 claim records all of them). */
    addresses: z.array(z.string().min(1).max(200)).min(1),
    postNumber: z.string().regex(/^\d{3}-?\d{4}$/).nullable(),
    /** 連絡先 (phone). */
    phone: z.string().regex(/^[0-9+\-() ]{6,20}$/),
    insuranceType: z.enum(Object.keys(INSURANCE_TYPES) as [InsuranceType, ...InsuranceType[]]),
    /** 本人 / 家族, for employee insurance. */
    insuredRelation: z.enum(['self', 'family']).nullable(),
    /** 保険者等名称 (blank allowed: recorded as "保険者等名称記載なし"). */
    insurerName: z.string().max(100).nullable(),
    /** 事業所名 (employer), for employee insurance (blank allowed). */
    employerName: z.string().max(100).nullable(),
    declaredShare: z.enum(['1', '2', '3', 'unknown']),
    /**
     * The share actually charged: the declared one, or the facility's decision when the patient
     * answered "わからない" (疑義解釈 問3: judge from age and last year's share).
     */
    chargedShare: z.enum(['1', '2', '3']),
    /** Which fields came from the card or OCR rather than being typed (for staff review). */
    prefilledFields: z.array(z.string()),
    completedBy: z.enum(['patient', 'staff']),
    /** 医療機関記入欄. */
    facility: z.object({
      medicalInstitutionCode: z.string().regex(/^\d{10}$/),
      receivedOn: isoDate,
      /** 患者への連絡を行った日付: filled in when staff follow up before a 不詳 claim. */
      contactedOn: isoDate.nullable(),
    }),
  })
  .superRefine((d, ctx) => {
    if (d.declaredShare !== 'unknown' && d.declaredShare !== d.chargedShare) {
      ctx.addIssue({ code: 'custom', path: ['chargedShare'], message: '申告された負担割合と異なります / differs from the declared share' });
    }
    if (!EMPLOYEE_INSURANCE.includes(d.insuranceType) && (d.employerName !== null || d.insuredRelation !== null)) {
      ctx.addIssue({ code: 'custom', path: ['employerName'], message: '事業所名・本人家族は被用者保険のみ / employer and relation apply to employee insurance only' });
    }
  });
export type Declaration = z.infer<typeof declarationSchema>;

/** Validates a declaration from the touch screen or staff view; names the fields to fix. */
export function parseDeclaration(input: unknown): Declaration {
  const parsed = declarationSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(form)'))].join(', ');
  throw new KioskError(
    QUALIFICATION_ERRORS.DECLARATION_INVALID,
    `被保険者資格申立書の記入内容を確認してください (${fields}) / Check these fields of the declaration: ${fields}.`,
  );
}
