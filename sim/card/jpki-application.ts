/**
 * 公的個人認証AP (JPKI AP) of a persona (§6.1): token, certificate EFs with filler, the two RSA
 * keys and their PINs (0018: 3 tries; 001B: 5 tries).
 */
import type { Persona } from './persona.js';
import { ascii, physicalSizeFor, pin, withFiller, type Application, type ElementaryFile, type PinKey, type SigningKey } from './card-image.js';
import { loadTestKey, personaKeyName } from '../pki/test-keys.js';
import type { PersonaCertificates } from '../pki/test-pki.js';
import { AID } from '../../src/main/card/card-commands.js';

/** EF 0006: a serialised CK_TOKEN_INFO, 160 bytes, starting with the space-padded label. */
export function tokenInfo(label: string): Uint8Array {
  const pad = (s: string, n: number) => ascii(s.padEnd(n, ' '));
  const out = new Uint8Array(160);
  out.set(pad(label, 32), 0);
  out.set(pad('J-LIS (simulated)', 32), 32);
  out.set(pad('JPKI', 16), 64);
  out.set(pad('0000000000000000', 16), 80);
  return out;
}

function certFile(der: ArrayBuffer, readableAfter?: number[]): ElementaryFile {
  const bytes = new Uint8Array(der);
  return { kind: 'binary', content: withFiller(bytes, physicalSizeFor(bytes.length)), ...(readableAfter ? { readableAfter } : {}) };
}

export function jpkiApplication(persona: Persona, certs: PersonaCertificates, tokenLabel = 'JPKIAPICCTOKEN2'): Application {
  const { secrets } = persona;
  return {
    name: 'JPKI',
    aid: Buffer.from(AID.JPKI, 'hex'),
    files: new Map<number, ElementaryFile>([
      [0x0001, certFile(certs.sign.rawData, [0x001b])],
      [0x0002, certFile(certs.cas.sign.rawData)],
      [0x0006, { kind: 'binary', content: tokenInfo(tokenLabel) }],
      [0x0008, { kind: 'binary', content: Uint8Array.of(0x8f, 0x8f, 0x00) }],
      [0x000a, certFile(certs.auth.rawData)],
      [0x000b, certFile(certs.cas.auth.rawData)],
    ]),
    keys: new Map<number, PinKey | SigningKey>([
      [0x0017, { kind: 'rsa', privateKey: loadTestKey(personaKeyName(persona.id, 'auth')), requires: 0x0018 }],
      [0x0018, pin(secrets.userAuthPin, 3, secrets.userAuthTriesLeft)],
      [0x001a, { kind: 'rsa', privateKey: loadTestKey(personaKeyName(persona.id, 'sign')), requires: 0x001b }],
      [0x001b, pin(secrets.signaturePassword, 5)],
    ]),
  };
}
