/**
 * 券面事項確認AP (card-face confirmation AP): with 照合番号B from the scanned card face, read the
 * card-face record including the face photo (JP2) — the face-recognition path (§8, §10).
 * APDUs: SELECT + VERIFY(SFI) + ceil(size/256) READ BINARY; +ceil(568/256) for the CV check.
 */
import type { KeyObject } from 'node:crypto';
import type { CardChannel } from './card-channel.js';
import { CardError } from './card-error.js';
import { AID, readTlvFileBySfi, selectApplication, verifyBySfi } from './card-commands.js';
import { parseCardFaceRecord, verifyCardFaceSignature, type CardFaceRecord } from './card-face-record.js';
import { keyIdText, parseCvCertificate, verifyCvCertificate } from './cv-certificate.js';

const EF = { CARD_FACE: 0x02, CV_CERT: 0x04, COLLATION_B: 0x12 } as const;

export interface CardFaceOptions {
  /** CV root keys by key id (hex of the 16-byte 証明者鍵ID); when set, the record signature is checked. */
  readonly cvRootKeys?: ReadonlyMap<string, KeyObject>;
}

export interface CardFaceRead {
  readonly record: CardFaceRecord;
  /** `verified`: CV certificate and record signature check out; `not-checked`: no CV key configured. */
  readonly issuerSignature: 'verified' | 'not-checked';
}

/** Present 照合番号B (14 digits) to key 0012. Wrong or blocked → COLLATION_REJECTED. */
export async function unlockWithCollationB(ch: CardChannel, collationB: string): Promise<void> {
  if (!/^\d{14}$/.test(collationB)) throw new CardError('COLLATION_REJECTED', '照合番号B must be 14 digits');
  await selectApplication(ch, AID.KENKAKU);
  const outcome = await verifyBySfi(ch, EF.COLLATION_B, Buffer.from(collationB, 'ascii'));
  if (outcome.status !== 'verified') {
    const left = outcome.status === 'available' ? `${outcome.triesLeft} tries left` : outcome.status;
    throw new CardError('COLLATION_REJECTED', `照合番号B rejected (${left})`);
  }
}

export async function readCardFace(ch: CardChannel, collationB: string, options: CardFaceOptions = {}): Promise<CardFaceRead> {
  await unlockWithCollationB(ch, collationB);
  const record = parseCardFaceRecord(await readTlvFileBySfi(ch, EF.CARD_FACE));
  if (!options.cvRootKeys) return { record, issuerSignature: 'not-checked' };
  const cv = parseCvCertificate(await readTlvFileBySfi(ch, EF.CV_CERT));
  const root = options.cvRootKeys.get(keyIdText(cv.issuerKeyId));
  if (!root) return { record, issuerSignature: 'not-checked' };
  if (!verifyCvCertificate(cv, root) || !verifyCardFaceSignature(record, cv.publicKey)) {
    throw new CardError('FACE_RECORD_FORGED', `CV issuer ${keyIdText(cv.issuerKeyId)}`);
  }
  return { record, issuerSignature: 'verified' };
}
