/**
 * Simulator configuration: who is insured, which JPKI CAs and CRLs to trust, which certificates
 * are registered (利用登録) to whom, which kiosk devices may attest, and what faults to inject.
 * Everything a test or the demo needs to wire its own card personas in, without code changes.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { registrySeedSchema } from './registry.js';
import { faultSchema } from './faults.js';

const certificateOfPerson = z.object({ certificateSha256: z.string().regex(/^[0-9a-f]{64}$/), personId: z.string() });

export const simulatorConfigSchema = z.object({
  registry: registrySeedSchema,
  /** JPKI CA certificates (PEM): roots and intermediates. */
  caCertificatesPem: z.array(z.string()),
  /** CRLs (PEM) issued by those CAs; more can be added at run time. */
  crlsPem: z.array(z.string()).default([]),
  /** Certificates already registered (利用登録), by SHA-256 of the DER. */
  registrations: z.array(certificateOfPerson).default([]),
  /**
   * Whose card each certificate is, registered or not: the real service learns this from J-LIS
   * through the My Number; here it lets /v1/registrations/status name the person for 利用登録.
   */
  holders: z.array(certificateOfPerson).default([]),
  /** Kiosk device keys allowed to attest face / 目視 checks. */
  devices: z.array(z.object({ deviceId: z.string(), publicKeySpki: z.string() })).default([]),
  faults: faultSchema.partial().default({}),
  nonceTtlMs: z.number().int().positive().default(120_000),
  /** How old a deferred (after-outage) confirmation may be. */
  deferredMaxAgeMs: z.number().int().positive().default(30 * 86_400_000),
});
export type SimulatorConfig = z.input<typeof simulatorConfigSchema>;
export type ParsedSimulatorConfig = z.output<typeof simulatorConfigSchema>;

/**
 * Reads a JSON config file. `registry` may be a path (relative to the file) to a seed file, and
 * `caCertificatesPem` / `crlsPem` entries may be paths to PEM files, so the lead can point the
 * simulator at sim/pki output without copying keys around.
 */
export function loadSimulatorConfig(file: string): ParsedSimulatorConfig {
  const base = dirname(resolve(file));
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const readIfPath = (v: unknown) => (typeof v === 'string' && !v.includes('-----BEGIN') ? readFileSync(resolve(base, v), 'utf8') : v);
  if (typeof raw.registry === 'string') raw.registry = JSON.parse(readFileSync(resolve(base, raw.registry), 'utf8'));
  for (const key of ['caCertificatesPem', 'crlsPem'] as const) {
    if (Array.isArray(raw[key])) raw[key] = raw[key].map(readIfPath);
  }
  return simulatorConfigSchema.parse(raw);
}
