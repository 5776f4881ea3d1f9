/**
 * TEST-ONLY RSA keys of the simulated PKI, generated once into sim/pki/build (gitignored) by the
 * fixtures script. None of these keys protects anything: they exist so the virtual card can sign
 * and the kiosk can verify with real cryptography.
 */
import { generateKeyPair, createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const KEY_DIR = fileURLToPath(new URL('./build/', import.meta.url));

/** Keys shared by every persona: the two JPKI CAs, the CV root and the 券面確認AP signer. */
export const SHARED_KEYS = ['jpki-auth-ca', 'jpki-sign-ca', 'cv-root', 'kenkaku-ap-signer'] as const;
/** Keys each persona's chip holds: user-auth (0017), signature (001A), 券面確認AP card key (DF24). */
export const PERSONA_KEYS = ['auth', 'sign', 'kenkaku-card'] as const;

export type SharedKeyName = (typeof SHARED_KEYS)[number];
export type PersonaKeyName = (typeof PERSONA_KEYS)[number];

function keyFile(name: string): string {
  return `${KEY_DIR}${name}.test-only.key.pem`;
}

const cache = new Map<string, KeyObject>();

export function loadTestKey(name: string): KeyObject {
  const cached = cache.get(name);
  if (cached) return cached;
  let pem: string;
  try {
    pem = readFileSync(keyFile(name), 'utf8');
  } catch (cause) {
    throw new Error(`test key "${name}" missing: run \`npm run build:card-fixtures\``, { cause });
  }
  const key = createPrivateKey(pem);
  cache.set(name, key);
  return key;
}

export function personaKeyName(personaId: string, key: PersonaKeyName): string {
  return `${personaId}-${key}`;
}

/** Generate any missing key; returns how many were created. */
export async function ensureTestKeys(personaIds: readonly string[]): Promise<number> {
  mkdirSync(KEY_DIR, { recursive: true });
  const names = [...SHARED_KEYS, ...personaIds.flatMap((id) => PERSONA_KEYS.map((k) => personaKeyName(id, k)))];
  const missing = names.filter((n) => !existsSync(keyFile(n)));
  const generate = promisify(generateKeyPair);
  await Promise.all(
    missing.map(async (name) => {
      const { privateKey } = await generate('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
      writeFileSync(keyFile(name), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }),
  );
  return missing.length;
}
