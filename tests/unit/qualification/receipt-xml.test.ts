/**
 * Each レセコン file is read back the way a レセコン would: bytes → Shift_JIS decode → XML parser,
 * and every field is compared with what the service answered.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { onTestFinished } from 'vitest';
import { Registry } from '../../../sim/oqs/registry.js';
import { SEED } from '../../integration/qualification/sim-harness.js';
import { buildReceiptXml, receiptFileName, type ReceiptRecord } from '../../../src/main/qualification/receipt-xml.js';
import { ReceiptWriter } from '../../../src/main/qualification/receipt-writer.js';
import { decodeShiftJis } from '../../../src/main/qualification/shift-jis.js';
import { QUALIFICATION_ERRORS } from '../../../src/main/qualification/error-codes.js';
import type { QualificationResponse } from '../../../src/main/qualification/protocol.js';

const parser = new XMLParser({ parseTagValue: false, ignoreDeclaration: false, ignoreAttributes: false });
const registry = new Registry(SEED);
// 2026-11-26 10:15:30 JST
const VISIT = Date.UTC(2026, 10, 26, 1, 15, 30);

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'receipts-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function record(personIds: string[], extra: Partial<ReceiptRecord> = {}): ReceiptRecord {
  const response: QualificationResponse = { requestId: 'req-0001', processedAtMs: VISIT + 2_000, notice: null, ...registry.lookup(personIds, '20261126') };
  return {
    requestId: `req-${personIds.join('-')}`,
    medicalInstitutionCode: '1312345678',
    visitedAtMs: VISIT,
    response,
    consent: { items: ['medication', 'checkup'], givenAtMs: VISIT - 10_000 },
    prescription: 'electronic',
    ...extra,
  };
}

function readBack(path: string) {
  const bytes = readFileSync(path);
  const text = decodeShiftJis(bytes);
  return { text, xml: parser.parse(text) as { XmlMsg: { MessageHeader: Record<string, string>; MessageBody: Record<string, unknown> } } };
}

describe('レセコン result XML', () => {
  for (const person of SEED.people) {
    it(`writes every field for ${person.id} and reads them back from Shift_JIS`, () => {
      const dir = folder();
      const rec = record(person.id.startsWith('duplicate') ? ['duplicate-a', 'duplicate-b'] : [person.id]);
      const path = new ReceiptWriter(dir).write(rec);
      const { text, xml } = readBack(path);
      expect(text.startsWith('<?xml version="1.0" encoding="Shift_JIS" standalone="no"?>')).toBe(true);
      expect(xml.XmlMsg.MessageHeader).toEqual({
        ProcessExecutionTime: '20261126101532',
        QualificationConfirmationDate: '20261126',
        MedicalInstitutionCode: '1312345678',
        ArbitraryFileIdentifier: rec.requestId,
        ReferenceClassification: '1',
        SegmentOfResult: '1',
        CharacterCodeIdentifier: '0',
      });
      const body = xml.XmlMsg.MessageBody;
      expect(body.QualificationValidity).toBe(String(rec.response.validity));
      expect(body.PrescriptionIssueSelect).toBe('1');
      expect(body).toMatchObject({
        PharmacistsInfoConsFlg: '1',
        DiagnosisInfoConsFlg: '1',
        SpecificHealthCheckupsInfoConsFlg: '1',
        OperationInfoConsFlg: '0',
        PharmacistsInfoConsTime: '20261126101520',
        PharmacistsInfoAvailableTime: '20261127101520',
      });
      const q = rec.response.qualification;
      if (q === null) {
        expect(body.ResultList).toBeUndefined();
        return;
      }
      const r = (body.ResultList as { ResultOfQualificationConfirmation: Record<string, unknown> }).ResultOfQualificationConfirmation;
      const expected: Record<string, unknown> = {
        InsuredCardClassification: q.insuredCardClassification,
        InsurerNumber: q.insurerNumber,
        InsuredIdentificationNumber: q.insuredIdentificationNumber,
        PersonalFamilyClassification: q.personalFamilyClassification,
        Name: q.name,
        NameKana: q.nameKana,
        Sex1: q.sex,
        Birthdate: q.birthdate,
        Address: q.address,
        QualificationDate: q.qualificationDate,
        InsuredPartialContributionRatio: q.partialContributionRatio,
        InsurerName: q.insurerName,
      };
      if (q.insuredCardSymbol !== null) expected.InsuredCardSymbol = q.insuredCardSymbol;
      if (q.insuredBranchNumber !== null) expected.InsuredBranchNumber = q.insuredBranchNumber;
      if (q.postNumber !== null) expected.PostNumber = q.postNumber;
      if (q.disqualificationDate !== null) expected.DisqualificationDate = q.disqualificationDate;
      if (q.reasonOfLoss !== null) expected.ReasonOfLoss = q.reasonOfLoss;
      if (q.elderlyRecipient !== null) {
        expected.ElderlyRecipientCertificateInfo = {
          ElderlyRecipientValidStartDate: q.elderlyRecipient.validFrom,
          ElderlyRecipientValidEndDate: q.elderlyRecipient.validTo,
          ElderlyRecipientContributionRatio: q.elderlyRecipient.contributionRatio,
        };
      }
      if (q.limitApplication !== null) {
        expected.LimitApplicationCertificateRelatedInfo = {
          LimitApplicationCertificateClassificationFlag: q.limitApplication.classificationCode,
          LimitApplicationCertificateValidStartDate: q.limitApplication.validFrom,
          ...(q.limitApplication.validTo === null ? {} : { LimitApplicationCertificateValidEndDate: q.limitApplication.validTo }),
        };
      }
      expect(r).toEqual(expected);
    });
  }

  it('marks no consent in the grace period and omits the prescription question when not asked', () => {
    const { xml } = readBack(new ReceiptWriter(folder()).write(record(['valid-employee-30'], { consent: null, prescription: null })));
    const body = xml.XmlMsg.MessageBody;
    expect(body.PharmacistsInfoConsFlg).toBe('0');
    expect(body.OperationInfoConsFlg).toBe('0');
    expect(body.PharmacistsInfoConsTime).toBeUndefined();
    expect(body.PrescriptionIssueSelect).toBeUndefined();
  });

  it('writes characters Shift_JIS cannot carry as "●" and escapes XML specials', () => {
    const rec = record(['valid-employee-30']);
    const q = { ...rec.response.qualification!, name: '𠮷田 ＆<太郎>', address: 'A&B <ビル>' };
    const path = new ReceiptWriter(folder()).write({ ...rec, response: { ...rec.response, qualification: q } });
    const r = (readBack(path).xml.XmlMsg.MessageBody.ResultList as { ResultOfQualificationConfirmation: Record<string, string> }).ResultOfQualificationConfirmation;
    expect(r.Name).toBe('●田 ＆<太郎>');
    expect(r.Address).toBe('A&B <ビル>');
  });

  it('names the file after the face-result pattern with the request id and JST time', () => {
    expect(receiptFileName(record(['valid-employee-30']))).toBe('OQSsiquc01res_face_reqvalidemployee30_20261126101532.xml');
  });

  it('leaves no temp file behind and replaces, not duplicates, a rewritten confirmation', () => {
    const dir = folder();
    const writer = new ReceiptWriter(dir);
    writer.write(record(['valid-employee-30']));
    writer.write(record(['valid-employee-30']));
    expect(readdirSync(dir)).toEqual(['OQSsiquc01res_face_reqvalidemployee30_20261126101532.xml']);
  });

  it('clears temp files left by an interrupted write when the writer starts', () => {
    const dir = folder();
    writeFileSync(join(dir, '.OQSsiquc01res_face_x_20261126101532.xml.123-abcd.tmp'), '<?xml half');
    new ReceiptWriter(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives the staff code when the folder cannot be written', () => {
    // A file where the folder should be fails for every user, root included.
    const blocked = join(folder(), 'not-a-folder');
    writeFileSync(blocked, 'file');
    expect(() => new ReceiptWriter(join(blocked, 'sub'))).toThrow(expect.objectContaining({ code: QUALIFICATION_ERRORS.RECEIPT_WRITE_FAILED }));
  });

  it('builds well-formed XML text before encoding', () => {
    expect(() => parser.parse(buildReceiptXml(record(['black-circle-name'])), true)).not.toThrow();
  });
});
