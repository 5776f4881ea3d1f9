/**
 * Card-verifiable certificate (CV証明書) `7F21 { 5F4E body, 5F37 signature }` of a 券面 AP (§8.4).
 * The body is issuer key id (16) + subject key id (16) + the AP's RSA key in card form. The CA key
 * that signed it is not on the card: the kiosk is configured with it by key id.
 * Signed-data convention (UNCONFIRMED on real cards, used by our simulator): PKCS#1 v1.5 over the
 * SHA-256 DigestInfo of the whole 5F4E TLV.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { readTlv, readTlvList, requireTlv } from './ber-tlv.js';
import { malformed } from './card-error.js';
import { sha256DigestInfo } from './card-commands.js';
import { decodeCardRsaKey, verifyRawPkcs1 } from './rsa-public-key.js';

export interface CvCertificate {
  /** 証明者鍵ID: who signed this certificate. */
  readonly issuerKeyId: Uint8Array;
  /** 被証明者鍵ID. */
  readonly subjectKeyId: Uint8Array;
  readonly publicKey: KeyObject;
  readonly body: Uint8Array;
  readonly signature: Uint8Array;
}

export function parseCvCertificate(bytes: Uint8Array): CvCertificate {
  const outer = readTlv(bytes);
  if (outer.tag !== 0x7f21) throw malformed(`CV certificate tag ${outer.tag.toString(16)}`);
  const children = readTlvList(outer.value);
  const bodyTlv = requireTlv(children, 0x5f4e);
  const signature = requireTlv(children, 0x5f37).value;
  if (bodyTlv.value.length < 33) throw malformed('CV certificate body too short');
  return {
    issuerKeyId: bodyTlv.value.slice(0, 16),
    subjectKeyId: bodyTlv.value.slice(16, 32),
    publicKey: decodeCardRsaKey(bodyTlv.value.subarray(32)),
    body: outer.value.slice(bodyTlv.start, bodyTlv.end),
    signature,
  };
}

export function cvSignedData(bodyTlv: Uint8Array): Uint8Array {
  return sha256DigestInfo(createHash('sha256').update(bodyTlv).digest());
}

export function verifyCvCertificate(cert: CvCertificate, issuerKey: KeyObject): boolean {
  return verifyRawPkcs1(issuerKey, cert.signature, cvSignedData(cert.body));
}

/** Key id as text (7 ASCII digits, 08 05, 3 digits, padding), for config lookup and logs. */
export function keyIdText(id: Uint8Array): string {
  return Buffer.from(id).toString('hex').toUpperCase();
}
