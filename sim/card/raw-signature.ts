/**
 * What the chip does for COMPUTE DIGITAL SIGNATURE with P1=00: RSA with PKCS#1 v1.5 type-1
 * padding over the input exactly as given (the caller passes a DigestInfo).
 */
import { constants, privateEncrypt, type KeyObject } from 'node:crypto';

export function signRaw(key: KeyObject, input: Uint8Array): Uint8Array {
  return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, input);
}
