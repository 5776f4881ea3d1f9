/**
 * Kiosk device keys registered with the service (the authorised-terminal scheme that lets face
 * and 目視 checks stand in for the card PIN). ECDSA P-256 with SHA-256, signatures in the
 * IEEE P1363 form WebCrypto produces.
 */
export interface DeviceRegistration {
  readonly deviceId: string;
  /** SubjectPublicKeyInfo, DER in base64. */
  readonly publicKeySpki: string;
}

export class DeviceRegistry {
  private readonly keys = new Map<string, CryptoKey>();

  async register(device: DeviceRegistration): Promise<void> {
    const key = await crypto.subtle.importKey(
      'spki',
      Buffer.from(device.publicKeySpki, 'base64'),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    this.keys.set(device.deviceId, key);
  }

  has(deviceId: string): boolean {
    return this.keys.has(deviceId);
  }

  async verify(deviceId: string, message: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>): Promise<boolean> {
    const key = this.keys.get(deviceId);
    if (key === undefined) return false;
    try {
      return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, message);
    } catch {
      return false;
    }
  }
}
