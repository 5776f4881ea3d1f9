/**
 * How the simulated service judges a card's 利用者証明用電子証明書: chain to a configured JPKI CA,
 * not revoked on a CRL of that CA, and within its validity — or within the grace period after
 * expiry, when only qualification information is given (PRODUCT.md §3.2). Signatures by the card
 * (PKCS#1 v1.5, SHA-256) are verified against the certificate's key.
 */
import { createHash } from 'node:crypto';
// @peculiar/x509 needs the Reflect polyfill evaluated before it loads (ESM evaluates imports in order).
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type { RejectionReason } from '../../src/main/qualification/protocol.js';

const JST_OFFSET_MS = 9 * 3_600_000;

export class CertificateRejected extends Error {
  readonly reason: RejectionReason;
  /** Sent with certificate-expired, as the real service's answer names the expiry. */
  readonly certificateNotAfterMs: number | undefined;
  constructor(reason: RejectionReason, message: string, certificateNotAfterMs?: number) {
    super(message);
    this.reason = reason;
    this.certificateNotAfterMs = certificateNotAfterMs;
  }
}

export type CertificatePhase = 'normal' | 'renewal-alert' | 'grace';

export interface CheckedCertificate {
  readonly cert: x509.X509Certificate;
  readonly sha256: string;
  readonly phase: CertificatePhase;
}

/** JST calendar date (y, m 1–12, d) of an instant. */
function jstDate(ms: number): { y: number; m: number; d: number } {
  const t = new Date(ms + JST_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Last instant (JST end of day) of the third month after the month of notAfter. */
export function graceEndMs(notAfterMs: number): number {
  const { y, m } = jstDate(notAfterMs);
  // Day 0 of month m+4 (1-based m) is the last day of month m+3.
  return Date.UTC(y, m + 3, 1) - JST_OFFSET_MS - 1;
}

/** Same JST calendar day, three months earlier (clamped to the month's end). */
function threeMonthsBeforeMs(notAfterMs: number): number {
  const { y, m, d } = jstDate(notAfterMs);
  const lastDay = new Date(Date.UTC(y, m - 4 + 1, 0)).getUTCDate();
  return Date.UTC(y, m - 4, Math.min(d, lastDay)) - JST_OFFSET_MS;
}

export class CertificateAuthorityStore {
  private readonly cas: x509.X509Certificate[];
  private readonly crls: x509.X509Crl[] = [];

  constructor(caPems: readonly string[]) {
    this.cas = caPems.map((pem) => new x509.X509Certificate(pem));
  }

  /** Adds a CRL after checking it was signed by one of the configured CAs. */
  async addCrl(pem: string): Promise<void> {
    const crl = new x509.X509Crl(pem);
    const issuer = this.cas.find((ca) => ca.subject === crl.issuer);
    if (issuer === undefined || !(await crl.verify({ publicKey: issuer }))) {
      throw new Error(`CRL from ${crl.issuer} is not signed by a configured CA`);
    }
    this.crls.push(crl);
  }

  crlPems(): string[] {
    return this.crls.map((c) => c.toString('pem'));
  }

  /** Parses and judges a certificate at instant `atMs`; throws CertificateRejected. */
  async check(derBase64: string, atMs: number): Promise<CheckedCertificate> {
    let cert: x509.X509Certificate;
    const der = Buffer.from(derBase64, 'base64');
    try {
      cert = new x509.X509Certificate(der);
    } catch {
      throw new CertificateRejected('bad-request', 'certificate is not valid DER');
    }
    await this.verifyChain(cert);
    if (this.crls.some((crl) => crl.issuer === cert.issuer && crl.findRevoked(cert) !== null)) {
      throw new CertificateRejected('certificate-revoked', 'certificate is revoked');
    }
    const notAfter = cert.notAfter.getTime();
    if (atMs < cert.notBefore.getTime()) throw new CertificateRejected('certificate-untrusted', 'certificate not yet valid');
    let phase: CertificatePhase = 'normal';
    if (atMs > notAfter) {
      if (atMs > graceEndMs(notAfter)) throw new CertificateRejected('certificate-expired', 'certificate expired beyond the grace period', notAfter);
      phase = 'grace';
    } else if (atMs >= threeMonthsBeforeMs(notAfter)) {
      phase = 'renewal-alert';
    }
    return { cert, sha256: createHash('sha256').update(der).digest('hex'), phase };
  }

  /** Walks issuer links through the configured CAs up to a self-signed one, checking each signature. */
  private async verifyChain(leaf: x509.X509Certificate): Promise<void> {
    let current = leaf;
    for (let depth = 0; depth < 4; depth++) {
      const issuer = this.cas.find((ca) => ca.subject === current.issuer);
      if (issuer === undefined || !(await current.verify({ publicKey: issuer, signatureOnly: true }))) {
        throw new CertificateRejected('certificate-untrusted', 'certificate does not chain to a configured JPKI CA');
      }
      if (issuer.subject === issuer.issuer) return;
      current = issuer;
    }
    throw new CertificateRejected('certificate-untrusted', 'certificate chain too long');
  }
}

/** Verifies the card's RSASSA-PKCS1-v1_5 SHA-256 signature over `message`. */
export async function verifyCardSignature(cert: x509.X509Certificate, message: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>): Promise<boolean> {
  try {
    const key = await cert.publicKey.export({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, ['verify']);
    return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, message);
  } catch {
    return false;
  }
}
