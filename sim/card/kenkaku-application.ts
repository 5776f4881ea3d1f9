/**
 * 券面事項確認AP (card-face confirmation AP, §8) of a persona: the card-face record with the JP2
 * face photo and the issuer signature, the age record, the CV certificate, and the three keys
 * (0011 birth date, 0012 照合番号B, 0013 照合番号A).
 * Max tries of 照合番号A/B and the birth-date key are UNCONFIRMED; we model 10.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { signRaw } from './raw-signature.js';
import type { Persona } from './persona.js';
import type { PersonaAssets } from './persona-assets.js';
import { ascii, physicalSizeFor, pin, withFiller, type Application, type ElementaryFile } from './card-image.js';
import { buildOffsetRecord } from './record-builder.js';
import { loadTestKey, personaKeyName } from '../pki/test-keys.js';
import { AID, sha256DigestInfo } from '../../src/main/card/card-commands.js';
import { encodeTlv } from '../../src/main/card/ber-tlv.js';
import { collationNumberB, eraYear } from '../../src/main/card/collation-number.js';
import { cvSignedData } from '../../src/main/card/cv-certificate.js';
import { encodeCardRsaKey, sha256DigestInfoOf } from '../../src/main/card/rsa-public-key.js';

const COLLATION_TRIES = 10;
/** Key ids of the test issuer (§8.4: a test card uses 6000023): 7 digits, 08 05, 3 digits, padding. */
export const KENKAKU_CV_ROOT_KEY_ID = keyId('6000023', '001');
const KENKAKU_AP_KEY_ID = keyId('6000023', '101');

function keyId(seven: string, three: string): Uint8Array {
  return Uint8Array.from([...ascii(seven), 0x08, 0x05, ...ascii(three), 0, 0, 0, 0]);
}

const compact = (iso: string) => iso.replaceAll('-', '');
const sha256 = (...parts: Uint8Array[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

function cardFaceRecord(persona: Persona, assets: PersonaAssets, cardKey: KeyObject): Uint8Array {
  const signer = loadTestKey('kenkaku-ap-signer');
  const p = persona.printed;
  const signedFields: [number, Uint8Array][] = [
    [0xdf22, ascii(compact(p.birthDate))],
    [0xdf23, ascii(p.sex)],
    [0xdf24, encodeCardRsaKey(cardKey)],
    [0xdf25, assets.nameImage],
    [0xdf26, assets.addressImage],
    [0xdf27, assets.photoJp2],
  ];
  const raw = buildOffsetRecord(0xff20, 0xdf21, signedFields).fields;
  const tlv = (tag: number) => raw.get(tag) ?? new Uint8Array(0);
  const digests = Buffer.concat([sha256(tlv(0xdf22), tlv(0xdf23), tlv(0xdf24)), sha256(tlv(0xdf25), tlv(0xdf26)), sha256(tlv(0xdf27))]);
  const signature = signRaw(signer, sha256DigestInfoOf(digests));
  return buildOffsetRecord(0xff20, 0xdf21, [...signedFields, [0xdf28, signature], [0xdf29, ascii(compact(p.cardExpiry))], [0xdf2a, assets.securityCodeImage]]).file;
}

function ageRecord(persona: Persona, cardKey: KeyObject): Uint8Array {
  const birth = encodeTlv(0xdf11, ascii(compact(persona.printed.birthDate)));
  const key = encodeTlv(0xdf12, encodeCardRsaKey(cardKey));
  const signature = encodeTlv(0xdf13, signRaw(loadTestKey('kenkaku-ap-signer'), sha256DigestInfo(sha256(birth, key))));
  return encodeTlv(0xff10, Buffer.concat([birth, key, signature]));
}

/** EF 0004: the AP signer's key certified by the (off-card) CV root. */
function cvCertificate(): Uint8Array {
  const body = encodeTlv(0x5f4e, Buffer.concat([KENKAKU_CV_ROOT_KEY_ID, KENKAKU_AP_KEY_ID, encodeCardRsaKey(loadTestKey('kenkaku-ap-signer'))]));
  const signature = signRaw(loadTestKey('cv-root'), cvSignedData(body));
  return encodeTlv(0x7f21, Buffer.concat([body, encodeTlv(0x5f37, signature)]));
}

function birthKey(persona: Persona): string {
  const { birthDate, nationality } = persona.printed;
  const yy = nationality === 'JP' ? eraYear(birthDate) % 100 : Number(birthDate.slice(0, 4)) % 100;
  return `${String(yy).padStart(2, '0')}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}`;
}

export function kenkakuApplication(persona: Persona, assets: PersonaAssets): Application {
  const cardKey = loadTestKey(personaKeyName(persona.id, 'kenkaku-card'));
  const record = cardFaceRecord(persona, assets, cardKey);
  const b = collationNumberB({
    birthDate: persona.printed.birthDate,
    cardExpiryYear: Number(persona.printed.cardExpiry.slice(0, 4)),
    securityCode: persona.printed.securityCode,
    nationality: persona.printed.nationality,
  });
  const file = (content: Uint8Array, readableAfter?: number[]): ElementaryFile => ({
    kind: 'binary',
    content: withFiller(content, physicalSizeFor(content.length)),
    ...(readableAfter ? { readableAfter } : {}),
  });
  return {
    name: 'KENKAKU',
    aid: Buffer.from(AID.KENKAKU, 'hex'),
    files: new Map([
      [0x0001, file(ageRecord(persona, cardKey), [0x0011])],
      [0x0002, file(record, [0x0012, 0x0013])],
      [0x0004, file(cvCertificate())],
      [0x0006, { kind: 'binary', content: new Uint8Array(16).fill(0xff) }],
    ]),
    keys: new Map([
      [0x0011, pin(birthKey(persona), COLLATION_TRIES)],
      [0x0012, pin(b, COLLATION_TRIES)],
      [0x0013, pin(persona.myNumber, COLLATION_TRIES)],
    ]),
    cardKey,
  };
}
