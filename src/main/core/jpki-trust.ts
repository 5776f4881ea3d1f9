/**
 * The JPKI 利用者証明用CA certificates a real deployment trusts (`--jpki-ca FILE`, repeatable, or
 * KIOSK_JPKI_CA with paths separated by ":"): PEM files (one or several certificates) or DER files,
 * as J-LIS publishes them. Without any, every card is refused as unverifiable (E-CARD-007), which
 * is logged at start so IT staff know why.
 *
 * A file that cannot be used is logged with E-SYS-014 and skipped: the kiosk still reaches standby
 * (every card it cannot verify shows E-CARD-007), rather than not starting at all.
 */
import { readFileSync } from 'node:fs';
import { x509 } from '../card/x509.js';
import type { JpkiTrust } from '../card/jpki.js';
import type { Logger } from './logger.js';

export const JPKI_TRUST_ERRORS = {
  /** A configured JPKI CA file is missing, unreadable, not a certificate, or not a CA certificate. */
  CA_FILE_UNUSABLE: 'E-SYS-014',
  /** No JPKI CA is configured (the card module's "certificate does not verify"). */
  NO_CA: 'E-CARD-007',
} as const;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The CA certificates in one file; throws with the reason when the file cannot be used. */
export function readCaCertificates(file: string): x509.X509Certificate[] {
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  const certificates = text.includes('-----BEGIN') ? (text.match(PEM_BLOCK) ?? []).map((pem) => new x509.X509Certificate(pem)) : [new x509.X509Certificate(Uint8Array.from(bytes))];
  if (certificates.length === 0) throw new Error('no CERTIFICATE block in the PEM file');
  for (const certificate of certificates) {
    const constraints = certificate.getExtension(x509.BasicConstraintsExtension);
    if (constraints?.ca !== true) throw new Error(`${certificate.subject} is not a CA certificate (a card's own certificate?)`);
  }
  return certificates;
}

export function configuredJpkiTrust(files: readonly string[], log: Logger): JpkiTrust {
  const authCas: x509.X509Certificate[] = [];
  for (const file of files) {
    try {
      const certificates = readCaCertificates(file);
      authCas.push(...certificates);
      log.info({ file, subjects: certificates.map((c) => c.subject) }, 'JPKI CA configured');
    } catch (err) {
      log.error(
        { err, file, code: JPKI_TRUST_ERRORS.CA_FILE_UNUSABLE },
        'JPKI CA 証明書ファイルを使えません。パスと形式(PEM/DER)を確認してください / A JPKI CA certificate file cannot be used: check the path and format (PEM or DER)',
      );
    }
  }
  if (authCas.length === 0) {
    log.warn({ code: JPKI_TRUST_ERRORS.NO_CA }, 'JPKI CA 証明書が未設定のため、カードは検証できません (--jpki-ca) / no JPKI CA configured: cards cannot be verified (--jpki-ca)');
  }
  return { authCas };
}
