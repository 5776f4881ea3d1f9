/**
 * RSA keys in the card's own TLV form `90 <exponent> 91 <modulus>` (券面 AP card keys, CV
 * certificates), and PKCS#1 v1.5 signature checks over exact DigestInfo bytes. Node's crypto does
 * the arithmetic; this file only moves bytes between the card form and KeyObjects.
 */
import { createPublicKey, publicDecrypt, constants, type KeyObject } from 'node:crypto';
import { encodeTlv, readTlvList, requireTlv } from './ber-tlv.js';
import { malformed } from './card-error.js';

export function decodeCardRsaKey(bytes: Uint8Array): KeyObject {
  const list = readTlvList(bytes);
  const e = requireTlv(list, 0x90).value;
  const n = requireTlv(list, 0x91).value;
  if (n.length < 128 || n.length > 512 || e.length === 0 || e.length > 8) throw malformed('card RSA key of implausible size');
  try {
    return createPublicKey({ key: { kty: 'RSA', n: Buffer.from(n).toString('base64url'), e: Buffer.from(e).toString('base64url') }, format: 'jwk' });
  } catch (cause) {
    throw malformed(`card RSA key rejected: ${String(cause)}`);
  }
}

export function encodeCardRsaKey(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.n || !jwk.e) throw new TypeError('not an RSA key');
  return Uint8Array.from([...encodeTlv(0x90, Buffer.from(jwk.e, 'base64url')), ...encodeTlv(0x91, Buffer.from(jwk.n, 'base64url'))]);
}

/**
 * True when `signature` is a PKCS#1 v1.5 (type 1) signature whose payload is exactly
 * `expected` — the card signs a DigestInfo as given, so we compare the recovered bytes.
 */
export function verifyRawPkcs1(key: KeyObject, signature: Uint8Array, expected: Uint8Array): boolean {
  try {
    const recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    return Buffer.compare(recovered, Buffer.from(expected)) === 0;
  } catch {
    return false;
  }
}

/**
 * DigestInfo(SHA-256) over a digest of any length: the 券面確認AP record signature signs three
 * concatenated SHA-256 digests (96 bytes) in this wrapper (§8.2).
 */
export function sha256DigestInfoOf(digest: Uint8Array): Uint8Array {
  const algorithm = Uint8Array.of(0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00);
  return encodeTlv(0x30, Uint8Array.from([...algorithm, ...encodeTlv(0x04, digest)]));
}
