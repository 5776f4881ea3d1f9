/**
 * Slow salted hashes for the staff passcode (目視パスコード) and the admin password. scrypt is in
 * node:crypto (no native add-on) and is memory-hard, which matters for a 4-digit passcode: the
 * hash is only a speed bump against someone who copies the database, so every guess must cost.
 * The parameters travel with each record, so raising them later keeps old records verifiable.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

export const scryptParamsSchema = z.object({
  /** CPU/memory cost, a power of two. */
  N: z.number().int().min(2).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keyLength: z.number().int().min(16).max(64),
});
export type ScryptParams = z.infer<typeof scryptParamsSchema>;

/** What is stored: never the secret, only this. Validated when read back from the store. */
export const secretHashSchema = z.object({
  algorithm: z.literal('scrypt'),
  params: scryptParamsSchema,
  saltB64: z.string().min(16),
  hashB64: z.string().min(16),
});
export type SecretHash = z.infer<typeof secretHashSchema>;

/**
 * N=2^15, r=8: 32 MiB and roughly 0.1 s per guess on the kiosk PC (OWASP's scrypt floor is
 * N=2^17 for passwords with a server farm behind them; a kiosk verifies at most a few entries a
 * minute, and a passcode check must not stall the touch screen).
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

function derive(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // scrypt needs 128·N·r bytes; node's default cap (32 MiB) is exactly our default, so leave headroom.
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<SecretHash> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, params);
  return { algorithm: 'scrypt', params, saltB64: salt.toString('base64'), hashB64: key.toString('base64') };
}

/** Constant-time comparison, so response time does not tell how many bytes matched. */
export async function verifySecret(secret: string, record: SecretHash): Promise<boolean> {
  const expected = Buffer.from(record.hashB64, 'base64');
  const key = await derive(secret, Buffer.from(record.saltB64, 'base64'), { ...record.params, keyLength: expected.length });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
