/**
 * The simulated qualification service's behaviour, independent of HTTP: nonces, registration,
 * and the qualification check itself. Each method returns the answer or throws
 * CertificateRejected with the reason the real service would give.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  attestationMessage,
  type NonceResponse,
  type QualificationRequest,
  type QualificationResponse,
  type RegistrationRequest,
  type RegistrationStatus,
} from '../../src/main/qualification/protocol.js';
import { CertificateAuthorityStore, CertificateRejected, verifyCardSignature, type CheckedCertificate } from './certificate-checks.js';
import { DeviceRegistry } from './devices.js';
import { Registry } from './registry.js';
import type { ParsedSimulatorConfig } from './config.js';

const JST_OFFSET_MS = 9 * 3_600_000;
const CLOCK_SKEW_MS = 5 * 60_000;

function jstYmd(ms: number): string {
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

export class QualificationService {
  readonly cas: CertificateAuthorityStore;
  readonly devices = new DeviceRegistry();
  private readonly registry: Registry;
  private readonly links = new Map<string, Set<string>>();
  private readonly holders: ReadonlyMap<string, string>;
  private readonly nonces = new Map<string, number>();
  private readonly answered = new Map<string, { certificate: string; response: QualificationResponse }>();
  private readonly config: ParsedSimulatorConfig;
  private readonly now: () => number;
  /** Confirmations answered (first time per requestId): lets tests see what reached the service. */
  confirmations = 0;

  private constructor(config: ParsedSimulatorConfig, now: () => number) {
    this.config = config;
    this.now = now;
    this.cas = new CertificateAuthorityStore(config.caCertificatesPem);
    this.registry = new Registry(config.registry);
    for (const r of config.registrations) this.link(r.certificateSha256, r.personId);
    this.holders = new Map(config.holders.map((h) => [h.certificateSha256, h.personId]));
  }

  static async create(config: ParsedSimulatorConfig, now: () => number = Date.now): Promise<QualificationService> {
    const service = new QualificationService(config, now);
    for (const pem of config.crlsPem) await service.cas.addCrl(pem);
    for (const device of config.devices) await service.devices.register(device);
    return service;
  }

  issueNonce(): NonceResponse {
    const nonce = randomBytes(32).toString('base64');
    const expiresAtMs = this.now() + this.config.nonceTtlMs;
    this.nonces.set(nonce, expiresAtMs);
    return { nonce, expiresAtMs };
  }

  /** 利用登録: links a certificate to a person after proof that the card holder is present. */
  async register(req: RegistrationRequest): Promise<{ personId: string }> {
    const checked = await this.cas.check(req.certificate, this.now());
    this.consumeNonce(req.nonce);
    await this.requireCardSignature(checked, req.nonce, req.signature);
    if (!this.registry.has(req.personId)) throw new CertificateRejected('bad-request', `unknown person ${req.personId}`);
    this.link(checked.sha256, req.personId);
    return { personId: req.personId };
  }

  /**
   * Whether a certificate is registered, and to whom it belongs: the kiosk asks at card read, to
   * offer 利用登録 before identity is checked. Judged by fingerprint alone (no chain check): it
   * reveals nothing a confirmation would not, and an untrusted card is refused at confirmation.
   */
  registrationStatus(certificateBase64: string): RegistrationStatus {
    const sha256 = createHash('sha256').update(Buffer.from(certificateBase64, 'base64')).digest('hex');
    const linked = [...(this.links.get(sha256) ?? [])];
    // Several people on one certificate (複数該当) name nobody: registering again would not help.
    if (linked.length > 0) return { registered: true, personId: linked.length === 1 ? (linked[0] ?? null) : null };
    return { registered: false, personId: this.holders.get(sha256) ?? null };
  }

  async confirm(req: QualificationRequest): Promise<QualificationResponse> {
    const previous = this.answered.get(req.requestId);
    if (previous !== undefined) {
      if (previous.certificate !== req.certificate) throw new CertificateRejected('bad-request', 'requestId reused for another card');
      return previous.response;
    }
    const now = this.now();
    const auth = req.auth;
    // A deferred confirmation is judged as of the moment the kiosk checked the person.
    const checkedAt = auth.kind === 'device-attestation' && auth.nonce === null ? auth.verifiedAtMs : now;
    const checked = await this.cas.check(req.certificate, checkedAt);

    if (auth.kind === 'card-signature') {
      this.consumeNonce(auth.nonce);
      await this.requireCardSignature(checked, auth.nonce, auth.signature);
    } else {
      if (!this.devices.has(auth.deviceId)) throw new CertificateRejected('unknown-device', `device ${auth.deviceId} is not registered`);
      if (auth.nonce !== null) this.consumeNonce(auth.nonce);
      else if (auth.verifiedAtMs > now + CLOCK_SKEW_MS || auth.verifiedAtMs < now - this.config.deferredMaxAgeMs) {
        throw new CertificateRejected('bad-request', 'deferred confirmation is too old or in the future');
      }
      const message = attestationMessage(req.requestId, auth, checked.sha256);
      if (!(await this.devices.verify(auth.deviceId, message, Buffer.from(auth.attestation, 'base64')))) {
        throw new CertificateRejected('bad-signature', 'device attestation does not verify');
      }
    }
    if (checked.phase === 'grace' && req.consent !== null) {
      throw new CertificateRejected('bad-request', 'no consent may be sent while the certificate is in its grace period');
    }

    const personIds = [...(this.links.get(checked.sha256) ?? [])];
    if (personIds.length === 0) throw new CertificateRejected('not-registered', 'certificate is not registered for health insurance use');
    const found = this.registry.lookup(personIds, jstYmd(checkedAt));
    const response: QualificationResponse = {
      requestId: req.requestId,
      processedAtMs: now,
      ...found,
      notice:
        checked.phase === 'grace'
          ? '電子証明書の有効期限が切れています。資格情報のみ提供します / certificate expired: qualification only'
          : checked.phase === 'renewal-alert'
            ? '電子証明書の有効期限が3か月以内です / certificate expires within 3 months'
            : null,
    };
    this.answered.set(req.requestId, { certificate: req.certificate, response });
    this.confirmations++;
    return response;
  }

  private link(certificateSha256: string, personId: string): void {
    const set = this.links.get(certificateSha256) ?? new Set<string>();
    set.add(personId);
    this.links.set(certificateSha256, set);
  }

  private consumeNonce(nonce: string): void {
    const expires = this.nonces.get(nonce);
    this.nonces.delete(nonce);
    if (expires === undefined || expires < this.now()) throw new CertificateRejected('nonce-invalid', 'nonce unknown, used or expired');
  }

  private async requireCardSignature(checked: CheckedCertificate, nonce: string, signature: string): Promise<void> {
    const ok = await verifyCardSignature(checked.cert, Buffer.from(nonce, 'base64'), Buffer.from(signature, 'base64'));
    if (!ok) throw new CertificateRejected('bad-signature', 'card signature does not verify');
  }
}
