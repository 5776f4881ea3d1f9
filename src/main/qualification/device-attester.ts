/**
 * The kiosk's device key (端末の鍵): attests face and 目視 checks, and deferred confirmations
 * after an outage, to the qualification service. ECDSA P-256 / SHA-256 via WebCrypto; the private
 * key is kept non-extractable in memory by whoever loads it.
 */
import { createHash } from 'node:crypto';
import { attestationMessage, type AuthProof, type IdentityMethod } from './protocol.js';

export class DeviceAttester {
  readonly deviceId: string;
  private readonly privateKey: CryptoKey;

  constructor(deviceId: string, privateKey: CryptoKey) {
    this.deviceId = deviceId;
    this.privateKey = privateKey;
  }

  /**
   * Builds the proof for one request. `nonce` is the service nonce for a live check, or null
   * for a confirmation deferred by an outage (the service then judges it as of `verifiedAtMs`).
   */
  async attest(
    requestId: string,
    certificateDer: Uint8Array,
    method: IdentityMethod,
    nonce: string | null,
    verifiedAtMs: number,
  ): Promise<Extract<AuthProof, { kind: 'device-attestation' }>> {
    const certificateSha256 = createHash('sha256').update(certificateDer).digest('hex');
    const message = attestationMessage(requestId, { method, nonce, verifiedAtMs }, certificateSha256);
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.privateKey, message);
    return {
      kind: 'device-attestation',
      method,
      deviceId: this.deviceId,
      nonce,
      verifiedAtMs,
      attestation: Buffer.from(signature).toString('base64'),
    };
  }
}
