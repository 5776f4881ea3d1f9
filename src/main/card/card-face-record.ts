/**
 * 券面事項確認AP card-face record (EF 0002, `FF20`, §8.2): birth date, sex, card key, name and
 * address images, face photo (JP2), issuer signature, card expiry, security-code image.
 * The signature covers three SHA-256 digests: (DF22+DF23+DF24), (DF25+DF26), (DF27), each over the
 * raw TLVs, wrapped in one DigestInfo; DF29 and DF2A come after it and are unsigned.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { readTlv, readTlvList, requireTlv, type Tlv } from './ber-tlv.js';
import { malformed } from './card-error.js';
import { decodeCardRsaKey, sha256DigestInfoOf, verifyRawPkcs1 } from './rsa-public-key.js';

export interface CardFaceRecord {
  /** 生年月日, ISO YYYY-MM-DD. */
  readonly birthDate: string;
  /** 性別, JIS X 0303 digit. */
  readonly sex: '0' | '1' | '2' | '9';
  /** 有効期限 of the card, ISO date (unsigned field). */
  readonly cardExpiry: string;
  /** 顔写真: JPEG 2000 (JP2 container), greyscale. Keep in memory only. */
  readonly facePhotoJp2: Uint8Array;
  readonly nameImagePng: Uint8Array;
  readonly addressImagePng: Uint8Array;
  /** The card's own public key (for genuineness checks with 80 2A 00 00). */
  readonly cardPublicKey: KeyObject;
  readonly issuerSignature: Uint8Array;
  /** DigestInfo bytes the issuer signature must recover to. */
  readonly signedDigestInfo: Uint8Array;
}

const JP2_SIGNATURE = Uint8Array.of(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a);

function raw(file: Uint8Array, t: Tlv, base: number): Uint8Array {
  return file.subarray(base + t.start, base + t.end);
}

export function parseCardFaceRecord(file: Uint8Array): CardFaceRecord {
  const outer = readTlv(file);
  if (outer.tag !== 0xff20) throw malformed(`card-face record tag ${outer.tag.toString(16)}`);
  const base = outer.headerLength;
  const list = readTlvList(outer.value);
  const get = (tag: number) => requireTlv(list, tag);
  const birth = ascii(get(0xdf22).value);
  const sex = ascii(get(0xdf23).value);
  const expiry = ascii(get(0xdf29).value);
  const photo = get(0xdf27).value;
  if (!/^\d{8}$/.test(birth) || !/^\d{8}$/.test(expiry)) throw malformed('card-face dates are not YYYYMMDD');
  if (!/^[0129]$/.test(sex)) throw malformed(`card-face sex code ${JSON.stringify(sex)}`);
  if (photo.length < JP2_SIGNATURE.length || !JP2_SIGNATURE.every((b, i) => photo[i] === b)) throw malformed('face photo is not a JP2 file');
  const digest = (parts: Tlv[]) => createHash('sha256').update(Buffer.concat(parts.map((t) => raw(file, t, base)))).digest();
  const digests = Buffer.concat([digest([get(0xdf22), get(0xdf23), get(0xdf24)]), digest([get(0xdf25), get(0xdf26)]), digest([get(0xdf27)])]);
  return {
    birthDate: isoDate(birth),
    sex: sex as CardFaceRecord['sex'],
    cardExpiry: isoDate(expiry),
    facePhotoJp2: photo.slice(),
    nameImagePng: get(0xdf25).value.slice(),
    addressImagePng: get(0xdf26).value.slice(),
    cardPublicKey: decodeCardRsaKey(get(0xdf24).value),
    issuerSignature: get(0xdf28).value.slice(),
    signedDigestInfo: sha256DigestInfoOf(digests),
  };
}

export function verifyCardFaceSignature(record: CardFaceRecord, apKey: KeyObject): boolean {
  return verifyRawPkcs1(apKey, record.issuerSignature, record.signedDigestInfo);
}

function ascii(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

function isoDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}
