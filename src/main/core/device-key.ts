/**
 * The kiosk's device key (端末の鍵, ECDSA P-256) for attesting face and 目視 checks: created on first
 * start in the data directory (0600) and loaded non-extractable afterwards, so queued deferred
 * attestations stay verifiable across restarts. Its public half is what the service registers.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { DeviceAttester } from '../qualification/device-attester.js';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const storedKeySchema = z.object({ pkcs8: z.base64(), spki: z.base64() });

export interface DeviceKey {
  readonly attester: DeviceAttester;
  readonly deviceId: string;
  /** SubjectPublicKeyInfo, DER in base64: what the service registers. */
  readonly publicKeySpki: string;
}

export async function loadDeviceKey(file: string): Promise<DeviceKey> {
  if (!existsSync(file)) {
    const pair = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
    const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    writeFileSync(file, JSON.stringify({ pkcs8: pkcs8.toString('base64'), spki: Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64') }), { mode: 0o600 });
  }
  const stored = storedKeySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const privateKey = await crypto.subtle.importKey('pkcs8', Buffer.from(stored.pkcs8, 'base64'), ALGORITHM, false, ['sign']);
  const deviceId = `kiosk-${createHash('sha256').update(stored.spki).digest('hex').slice(0, 16)}`;
  return { attester: new DeviceAttester(deviceId, privateKey), deviceId, publicKeySpki: stored.spki };
}
