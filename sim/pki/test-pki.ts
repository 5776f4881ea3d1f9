/**
 * The simulated JPKI (公的個人認証) PKI: a user-authentication CA, a digital-signature CA and the
 * per-persona end-entity certificates, minted from the TEST-ONLY keys with @peculiar/x509.
 * Certificates are minted relative to the JST day they are asked for, so "expires in 40 days"
 * stays true whenever the tests run, and within one JST day a persona's certificate is the same
 * bytes (PKCS#1 v1.5 signatures are deterministic): its fingerprint can be computed in advance and
 * seeded into the service simulator as a 利用登録 made before the visit. Serial numbers derive from
 * the persona id and the day, since a certificate with other dates is another certificate.
 */
import { createHash, createPublicKey, webcrypto, type KeyObject } from 'node:crypto';
import { keyIdText } from '../../src/main/card/cv-certificate.js';
import type { CardFaceOptions } from '../../src/main/card/kenkaku.js';
import type { JpkiTrust } from '../../src/main/card/jpki.js';
import { KENKAKU_CV_ROOT_KEY_ID } from '../card/kenkaku-application.js';
import { x509 } from '../../src/main/card/x509.js';
import { loadTestKey, personaKeyName } from './test-keys.js';

const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;

/** 00:00 JST of the JST day containing `now`. */
export function jstDayStart(now: Date): Date {
  return new Date(Math.floor((now.getTime() + JST_OFFSET_MS) / DAY_MS) * DAY_MS - JST_OFFSET_MS);
}

/** The JST day as YYYY-MM-DD. */
function jstDayText(now: Date): string {
  return new Date(jstDayStart(now).getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Clearly marked as test material in every DN. */
const TEST_OU = 'TEST ONLY open-kao-kiosk simulator';
export const AUTH_CA_NAME = `C=JP, O=JPKI, OU=JPKI for user authentication, OU=${TEST_OU}`;
export const SIGN_CA_NAME = `C=JP, O=JPKI, OU=JPKI for digital signature, OU=${TEST_OU}`;

async function webKeys(key: KeyObject): Promise<CryptoKeyPair> {
  const subtle = webcrypto.subtle;
  const privateKey = await subtle.importKey('pkcs8', key.export({ type: 'pkcs8', format: 'der' }), ALG, true, ['sign']);
  const publicKey = await subtle.importKey('spki', createPublicKey(key).export({ type: 'spki', format: 'der' }), ALG, true, ['verify']);
  return { privateKey, publicKey } as CryptoKeyPair;
}

/** Positive serial (hex) of a persona's certificate of the given kind, as minted on `now`'s JST day. */
export function certificateSerial(personaId: string, kind: 'auth' | 'sign', now = new Date()): string {
  const digest = createHash('sha256').update(`open-kao-kiosk/${kind}/${personaId}/${jstDayText(now)}`).digest('hex');
  return `1${digest.slice(1, 16)}`.toUpperCase();
}

export interface TestCaSet {
  readonly auth: x509.X509Certificate;
  readonly sign: x509.X509Certificate;
}

const caCache = new Map<number, Promise<TestCaSet>>();

/** The two test CAs, valid from 3 years before to 10 years after `now`'s JST day (cached per day). */
export function testCaCertificates(now = new Date()): Promise<TestCaSet> {
  const day = jstDayStart(now);
  let found = caCache.get(day.getTime());
  if (!found) {
    found = mintCas(day);
    caCache.set(day.getTime(), found);
  }
  return found;
}

async function mintCas(day: Date): Promise<TestCaSet> {
  const mint = async (name: string, keyName: string, serial: string) =>
    x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: serial,
      name,
      notBefore: new Date(day.getTime() - 3 * 365 * DAY_MS),
      notAfter: new Date(day.getTime() + 10 * 365 * DAY_MS),
      signingAlgorithm: ALG,
      keys: await webKeys(loadTestKey(keyName)),
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
    });
  return { auth: await mint(AUTH_CA_NAME, 'jpki-auth-ca', '01'), sign: await mint(SIGN_CA_NAME, 'jpki-sign-ca', '02') };
}

export interface PersonaCertificates {
  /** 利用者証明用電子証明書 (EF 000A). */
  readonly auth: x509.X509Certificate;
  /** 署名用電子証明書 (EF 0001). */
  readonly sign: x509.X509Certificate;
  readonly cas: TestCaSet;
}

/**
 * Mint a persona's two certificates as of `now`'s JST day: valid through the last second (JST) of
 * the day `notAfterDaysFromNow` days later. The same persona and day always give the same bytes.
 */
export async function mintPersonaCertificates(personaId: string, notAfterDaysFromNow: number, now = new Date()): Promise<PersonaCertificates> {
  const day = jstDayStart(now);
  const cas = await testCaCertificates(day);
  const notAfter = new Date(day.getTime() + (notAfterDaysFromNow + 1) * DAY_MS - 1000);
  // Issued 5 years before expiry (the legal validity), but never later than the day before.
  const notBefore = new Date(Math.min(notAfter.getTime() - 5 * 365 * DAY_MS, day.getTime() - DAY_MS));
  const mint = async (kind: 'auth' | 'sign', ca: x509.X509Certificate, caKey: string) =>
    x509.X509CertificateGenerator.create({
      serialNumber: certificateSerial(personaId, kind, day),
      issuer: ca.subject,
      subject: `C=JP, OU=${TEST_OU}, CN=${certificateSerial(personaId, kind, day)}`,
      notBefore,
      notAfter,
      signingAlgorithm: ALG,
      publicKey: (await webKeys(loadTestKey(personaKeyName(personaId, kind)))).publicKey,
      signingKey: (await webKeys(loadTestKey(caKey))).privateKey,
      extensions: [new x509.KeyUsagesExtension(kind === 'auth' ? x509.KeyUsageFlags.digitalSignature : x509.KeyUsageFlags.nonRepudiation, true)],
    });
  return { auth: await mint('auth', cas.auth, 'jpki-auth-ca'), sign: await mint('sign', cas.sign, 'jpki-sign-ca'), cas };
}

/** What a kiosk in demo mode or a test configures to trust the simulated cards. */
export async function testTrust(now = new Date()): Promise<JpkiTrust> {
  return { authCas: [(await testCaCertificates(now)).auth] };
}

/** The CV root key of the simulated 券面確認AP issuer, so card-face signatures are checked. */
export function testCardFaceOptions(): CardFaceOptions {
  return { cvRootKeys: new Map([[keyIdText(KENKAKU_CV_ROOT_KEY_ID), createPublicKey(loadTestKey('cv-root'))]]) };
}
