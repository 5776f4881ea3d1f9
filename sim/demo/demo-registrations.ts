/**
 * What the demo's service simulator knows about the personas' cards before the first patient: whose
 * card each certificate is (every persona with a chip) and which were registered for insurance use
 * (利用登録) before this visit (personas marked registered). Persona certificates are the same bytes
 * all JST day (sim/pki), so their fingerprints are computed here and seeded, and the virtual card
 * mints its certificates for the same day; the simulator is then the only judge of "registered?".
 */
import { createHash } from 'node:crypto';
import type { Persona } from '../card/persona.js';
import { mintPersonaCertificates } from '../pki/test-pki.js';
import type { SimulatorConfig } from '../oqs/config.js';

type Seeded = Required<Pick<SimulatorConfig, 'registrations' | 'holders'>>;

export async function demoRegistrations(personas: readonly Persona[], day: Date): Promise<Seeded> {
  const seeded: Seeded = { registrations: [], holders: [] };
  for (const persona of personas.filter((p) => p.chip === 'mynumber')) {
    const { auth } = await mintPersonaCertificates(persona.id, persona.certificate.notAfterDaysFromNow, day);
    const entry = { certificateSha256: createHash('sha256').update(Buffer.from(auth.rawData)).digest('hex'), personId: persona.id };
    seeded.holders.push(entry);
    if (persona.insurance.registered) seeded.registrations.push(entry);
  }
  return seeded;
}
