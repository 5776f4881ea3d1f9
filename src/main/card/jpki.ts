/**
 * 公的個人認証AP (JPKI AP): identify the card by its token, read the 利用者証明用電子証明書
 * (user-authentication certificate) and check its chain, query PIN tries without spending one,
 * VERIFY the 4-digit PIN exactly once, and sign a service nonce (§6, §11).
 */
import { createHash, createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import type { CardChannel } from './card-channel.js';
import { CardError, malformed } from './card-error.js';
import { AID, computeSignature, readBytesBySfi, readTlvFileBySfi, selectApplication, sha256DigestInfo, verifyBySfi, type RetryState, type VerifyOutcome } from './card-commands.js';
import { classifyStatus } from './status-words.js';
import { x509 } from './x509.js';

/** Short EF ids in the JPKI AP. */
const EF = { TOKEN: 0x06, AUTH_CERT: 0x0a, AUTH_CA_CERT: 0x0b, AUTH_KEY: 0x17, AUTH_PIN: 0x18 } as const;

export type TokenKind = 'my-number-card' | 'phone' | 'juki-card';

/** Token labels (EF 0006, first 32 bytes, space padded) and what they mean. */
const TOKENS: Readonly<Record<string, TokenKind>> = {
  JPKIAPICCTOKEN2: 'my-number-card',
  JPKIAPICCTOKEN: 'juki-card', // 住基カード
  JPKIAPGPSETOKEN: 'phone', // Android スマホ用電子証明書
  JPKIAPIOSTOKEN: 'phone', // iPhone
};

/**
 * SELECT the JPKI AP and read the token label (2 APDUs). Throws NOT_MY_NUMBER_CARD when there is
 * no JPKI AP or the label is unknown, PHONE_TOKEN / JUKI_CARD for those tokens.
 */
export async function identifyCard(ch: CardChannel): Promise<TokenKind> {
  try {
    await selectApplication(ch, AID.JPKI);
  } catch (e) {
    if (e instanceof CardError && e.sw !== undefined && classifyStatus(e.sw).kind === 'file-not-found') {
      throw new CardError('NOT_MY_NUMBER_CARD', 'no JPKI application', { cause: e });
    }
    throw e;
  }
  const label = Buffer.from(await readBytesBySfi(ch, EF.TOKEN, 32))
    .toString('latin1')
    .replace(/[ \0]+$/, '');
  const kind = TOKENS[label];
  if (kind === 'phone') throw new CardError('PHONE_TOKEN', `token ${label}`);
  if (kind === 'juki-card') throw new CardError('JUKI_CARD', `token ${label}`);
  if (kind !== 'my-number-card') throw new CardError('NOT_MY_NUMBER_CARD', `token ${JSON.stringify(label.slice(0, 32))}`);
  return kind;
}

export interface CertificateFacts {
  /** X.509 serial, upper-case hex: operators' stable key for the cardholder. */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly issuer: string;
  readonly subject: string;
  /** DER bytes, for sending to the qualification service. */
  readonly der: Uint8Array;
}

/** The configured JPKI CA certificates (利用者証明用CA) that may issue user-auth certificates. */
export interface JpkiTrust {
  readonly authCas: readonly x509.X509Certificate[];
}

/** Build the trust set from configured CA certificates (PEM text or DER bytes). */
export function jpkiTrustFrom(certificates: readonly (string | Uint8Array)[]): JpkiTrust {
  return { authCas: certificates.map((c) => new x509.X509Certificate(typeof c === 'string' ? c : Uint8Array.from(c))) };
}

export function parseCertificate(der: Uint8Array): x509.X509Certificate {
  try {
    return new x509.X509Certificate(Uint8Array.from(der));
  } catch (cause) {
    throw new CardError('CARD_BROKEN', 'certificate does not parse as X.509', { cause });
  }
}

function facts(cert: x509.X509Certificate, der: Uint8Array): CertificateFacts {
  return {
    serialNumber: cert.serialNumber.toUpperCase(),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    issuer: cert.issuer,
    subject: cert.subject,
    der,
  };
}

/** Check that one of the trusted CAs issued `cert` (name and signature). Validity dates are policy, not checked here. */
export async function checkChain(cert: x509.X509Certificate, trust: JpkiTrust): Promise<void> {
  for (const ca of trust.authCas) {
    if (ca.subject !== cert.issuer) continue;
    try {
      if (await cert.verify({ publicKey: ca.publicKey, signatureOnly: true })) return;
    } catch {
      // A key of the wrong type or a mangled signature: try the next CA, then fail below.
    }
  }
  throw new CardError('CERT_UNTRUSTED', `issuer ${cert.issuer} serial ${cert.serialNumber}`);
}

/** Read EF 000A (no PIN) and verify it against the configured CA set. Assumes the JPKI AP is selected. */
export async function readAuthCertificate(ch: CardChannel, trust: JpkiTrust): Promise<CertificateFacts & { readonly publicKey: KeyObject }> {
  await selectApplication(ch, AID.JPKI);
  const der = await readTlvFileBySfi(ch, EF.AUTH_CERT);
  const cert = parseCertificate(der);
  await checkChain(cert, trust);
  return { ...facts(cert, der), publicKey: createPublicKey({ key: Buffer.from(cert.publicKey.rawData), format: 'der', type: 'spki' }) };
}

/** Read the CA certificate stored on the card (EF 000B). */
export async function readAuthCaCertificate(ch: CardChannel): Promise<CertificateFacts> {
  await selectApplication(ch, AID.JPKI);
  const der = await readTlvFileBySfi(ch, EF.AUTH_CA_CERT);
  return facts(parseCertificate(der), der);
}

/** 利用者証明用PIN tries left, by an empty VERIFY that spends nothing. */
export async function authPinTries(ch: CardChannel): Promise<RetryState> {
  await selectApplication(ch, AID.JPKI);
  const r = await verifyBySfi(ch, EF.AUTH_PIN);
  if (r.status === 'verified') throw malformed('empty VERIFY answered 9000');
  return r;
}

/** VERIFY the patient's 4 digits: exactly one VERIFY per call, never retried. */
export async function verifyAuthPin(ch: CardChannel, pin: string): Promise<VerifyOutcome> {
  if (!/^\d{4}$/.test(pin)) throw new CardError('PIN_FORMAT');
  await selectApplication(ch, AID.JPKI);
  return verifyBySfi(ch, EF.AUTH_PIN, Buffer.from(pin, 'ascii'));
}

/**
 * Sign a service nonce with the user-auth key (PKCS#1 v1.5 over the SHA-256 DigestInfo) and
 * verify the signature locally against the certificate's key before anyone relies on it.
 * The PIN must have been verified in this card session.
 */
export async function signNonce(ch: CardChannel, nonce: Uint8Array, certificateKey: KeyObject): Promise<Uint8Array> {
  await selectApplication(ch, AID.JPKI);
  const digest = createHash('sha256').update(nonce).digest();
  const signature = await computeSignature(ch, 0x80 | EF.AUTH_KEY, sha256DigestInfo(digest));
  if (!verifySignature('sha256', nonce, certificateKey, signature)) throw malformed('card signature does not verify with the certificate key');
  return signature;
}
