/**
 * The レセコン result file (資格確認結果 XML) for one confirmation at the kiosk, following the
 * public facts of the layout in reader-field-guide.md §4.2–4.4. Where the public sources leave a
 * choice (root element, consent flag mapping, empty fields) the choice is recorded in
 * docs/decisions/receipt-xml.md.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { ConsentItem } from '../../shared/snapshot.js';
import type { QualificationResponse } from './protocol.js';
import { jstDate, jstTimestamp } from './jst-time.js';
import { encodeShiftJis } from './shift-jis.js';

/** Everything one result file says. */
export interface ReceiptRecord {
  /** The kiosk's request id; also the file's ArbitraryFileIdentifier. */
  readonly requestId: string;
  readonly medicalInstitutionCode: string;
  /** When the patient was at the kiosk (the confirmation date is the visit day, even if deferred). */
  readonly visitedAtMs: number;
  readonly response: QualificationResponse;
  /** Null in the certificate grace period (no consent asked). */
  readonly consent: { readonly items: readonly ConsentItem[]; readonly givenAtMs: number } | null;
  readonly prescription: 'electronic' | 'paper' | null;
}

const CONSENT_VALIDITY_MS = 24 * 3_600_000;

/**
 * Consent items to the XML's consent flag families. 診療・薬剤情報 is one question on the kiosk
 * and two families in the layout, so "medication" sets both.
 */
const CONSENT_FAMILIES: Record<string, readonly ConsentItem[]> = {
  PharmacistsInfo: ['medication'],
  DiagnosisInfo: ['medication'],
  SpecificHealthCheckupsInfo: ['checkup'],
  OperationInfo: ['surgery'],
};

/** OQSCD016 同意区分: 0 no consent, 1 consent. */
function consentFields(consent: ReceiptRecord['consent']): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [family, items] of Object.entries(CONSENT_FAMILIES)) {
    const agreed = consent !== null && items.some((i) => consent.items.includes(i));
    fields[`${family}ConsFlg`] = agreed ? '1' : '0';
    if (agreed) {
      fields[`${family}ConsTime`] = jstTimestamp(consent.givenAtMs);
      fields[`${family}AvailableTime`] = jstTimestamp(consent.givenAtMs + CONSENT_VALIDITY_MS);
    }
  }
  return fields;
}

/** Drops null/undefined members so absent facts are absent elements, not empty ones. */
function present<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

function resultOfQualification(response: QualificationResponse): Record<string, unknown> | undefined {
  const q = response.qualification;
  if (q === null) return undefined;
  return present({
    InsuredCardClassification: q.insuredCardClassification,
    InsurerNumber: q.insurerNumber,
    InsuredCardSymbol: q.insuredCardSymbol,
    InsuredIdentificationNumber: q.insuredIdentificationNumber,
    InsuredBranchNumber: q.insuredBranchNumber,
    PersonalFamilyClassification: q.personalFamilyClassification,
    Name: q.name,
    NameKana: q.nameKana,
    Sex1: q.sex,
    Birthdate: q.birthdate,
    Address: q.address,
    PostNumber: q.postNumber,
    QualificationDate: q.qualificationDate,
    DisqualificationDate: q.disqualificationDate,
    ReasonOfLoss: q.reasonOfLoss,
    InsuredPartialContributionRatio: q.partialContributionRatio,
    InsurerName: q.insurerName,
    ElderlyRecipientCertificateInfo:
      q.elderlyRecipient === null
        ? null
        : {
            ElderlyRecipientValidStartDate: q.elderlyRecipient.validFrom,
            ElderlyRecipientValidEndDate: q.elderlyRecipient.validTo,
            ElderlyRecipientContributionRatio: q.elderlyRecipient.contributionRatio,
          },
    LimitApplicationCertificateRelatedInfo:
      q.limitApplication === null
        ? null
        : present({
            LimitApplicationCertificateClassificationFlag: q.limitApplication.classificationCode,
            LimitApplicationCertificateValidStartDate: q.limitApplication.validFrom,
            LimitApplicationCertificateValidEndDate: q.limitApplication.validTo,
          }),
  });
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true });

/** The XML text (a JS string; encode with encodeReceipt for the file). */
export function buildReceiptXml(record: ReceiptRecord): string {
  const { response } = record;
  const result = resultOfQualification(response);
  const body = present({
    ProcessingResultStatus: '1',
    ProcessingResultMessage: response.notice,
    QualificationValidity: String(response.validity),
    ResultList: result === undefined ? null : { ResultOfQualificationConfirmation: result },
    PrescriptionIssueSelect: record.prescription === null ? null : record.prescription === 'electronic' ? '1' : '2',
    ...consentFields(record.consent),
  });
  const document = {
    XmlMsg: {
      MessageHeader: {
        ProcessExecutionTime: jstTimestamp(response.processedAtMs),
        QualificationConfirmationDate: jstDate(record.visitedAtMs),
        MedicalInstitutionCode: record.medicalInstitutionCode,
        ArbitraryFileIdentifier: record.requestId,
        ReferenceClassification: '1',
        SegmentOfResult: '1',
        CharacterCodeIdentifier: '0',
      },
      MessageBody: body,
    },
  };
  return `<?xml version="1.0" encoding="Shift_JIS" standalone="no"?>\n${builder.build(document) as string}`;
}

/** The bytes of the file: Shift_JIS, with unencodable characters shown as "●". */
export function encodeReceipt(record: ReceiptRecord): Buffer {
  return encodeShiftJis(buildReceiptXml(record));
}

/**
 * `OQSsiquc01res_face_<request id>_<yyyyMMddHHmmss>.xml`: the "face" result name pattern of
 * §4.2. The request id keeps names unique and makes a rewrite after a crash replace, not add.
 */
export function receiptFileName(record: Pick<ReceiptRecord, 'requestId' | 'response'>): string {
  const id = record.requestId.replace(/[^A-Za-z0-9]/g, '').slice(0, 32);
  return `OQSsiquc01res_face_${id}_${jstTimestamp(record.response.processedAtMs)}.xml`;
}
