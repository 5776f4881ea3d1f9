/**
 * A throw-away JPKI-like PKI for the tests: a CA, card certificates (RSA 2048, PKCS#1 v1.5
 * SHA-256 like the 利用者証明用 key), CRLs and a kiosk device key. Generated per test run with
 * @peculiar/x509 and WebCrypto; nothing from sim/pki or /work/shared is used.
 */
import { createHash } from 'node:crypto';
// @peculiar/x509 needs the Reflect polyfill evaluated before it loads (ESM evaluates imports in order).
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const DAY = 86_400_000;

export interface TestCard {
  readonly der: Uint8Array;
  readonly base64: string;
  readonly sha256: string;
  readonly serial: string;
  /** What the card does after a correct PIN: sign the service nonce with its private key. */
  sign(nonceBase64: string): Promise<string>;
}

export interface TestPki {
  readonly caPem: string;
  issueCard(options?: { notBefore?: Date; notAfter?: Date; signWithOtherKey?: boolean }): Promise<TestCard>;
  crl(revoked: readonly TestCard[]): Promise<string>;
}

let serialCounter = 0x1000;

export async function createTestPki(name = 'Test JPKI User Authentication CA'): Promise<TestPki> {
  const caKeys = await crypto.subtle.generateKey(RSA, false, ['sign', 'verify']);
  // One card key pair shared by all cards of this PKI keeps the suite fast; each card still has
  // its own certificate (own serial, own fingerprint). A second pair makes wrong signatures.
  const cardKeys = await crypto.subtle.generateKey(RSA, false, ['sign', 'verify']);
  const otherKeys = await crypto.subtle.generateKey(RSA, false, ['sign', 'verify']);
  const now = Date.now();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${name}, O=Test, C=JP`,
    notBefore: new Date(now - 3650 * DAY),
    notAfter: new Date(now + 3650 * DAY),
    keys: caKeys,
    signingAlgorithm: RSA,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });

  return {
    caPem: ca.toString('pem'),
    async issueCard(options = {}) {
      const serial = (serialCounter++).toString(16);
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serial,
        subject: `CN=card-${serial}, C=JP`,
        issuer: ca.subject,
        notBefore: options.notBefore ?? new Date(now - 365 * DAY),
        notAfter: options.notAfter ?? new Date(now + 4 * 365 * DAY),
        publicKey: cardKeys.publicKey,
        signingKey: caKeys.privateKey,
        signingAlgorithm: RSA,
        extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
      });
      const der = new Uint8Array(cert.rawData);
      const signer = options.signWithOtherKey === true ? otherKeys.privateKey : cardKeys.privateKey;
      return {
        der,
        base64: Buffer.from(der).toString('base64'),
        sha256: createHash('sha256').update(der).digest('hex'),
        serial,
        sign: async (nonce) => Buffer.from(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', signer, Buffer.from(nonce, 'base64'))).toString('base64'),
      };
    },
    async crl(revoked) {
      const crl = await x509.X509CrlGenerator.create({
        issuer: ca.subject,
        thisUpdate: new Date(now - DAY),
        nextUpdate: new Date(now + 7 * DAY),
        entries: revoked.map((card) => ({ serialNumber: card.serial, revocationDate: new Date(now - DAY) })),
        signingKey: caKeys.privateKey,
        signingAlgorithm: RSA,
      });
      return crl.toString('pem');
    },
  };
}

export interface TestDevice {
  readonly deviceId: string;
  readonly publicKeySpki: string;
  readonly privateKey: CryptoKey;
}

export async function createTestDevice(deviceId = 'kiosk-test-01'): Promise<TestDevice> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = await crypto.subtle.exportKey('spki', keys.publicKey);
  return { deviceId, publicKeySpki: Buffer.from(spki).toString('base64'), privateKey: keys.privateKey };
}
