/**
 * Turns a persona id into a card to insert: the faithful virtual card with its three
 * applications, or the garbage-answering broken chip.
 */
import { loadPersona } from './persona.js';
import { loadPersonaAssets } from './persona-assets.js';
import { GarbageCard } from './garbage-card.js';
import { jpkiApplication } from './jpki-application.js';
import { kenhojoApplication } from './kenhojo-application.js';
import { kenkakuApplication } from './kenkaku-application.js';
import type { SmartCard } from './smart-card.js';
import { VirtualCard, type VirtualCardOptions } from './virtual-card.js';
import { mintPersonaCertificates } from '../pki/test-pki.js';

export async function createPersonaCard(personaId: string, options: VirtualCardOptions & { now?: Date } = {}): Promise<SmartCard> {
  const persona = loadPersona(personaId);
  if (persona.chip === 'garbage') return new GarbageCard();
  const certs = await mintPersonaCertificates(persona.id, persona.certificate.notAfterDaysFromNow, options.now);
  const assets = loadPersonaAssets(persona.id);
  return new VirtualCard({ applications: [jpkiApplication(persona, certs), kenhojoApplication(persona), kenkakuApplication(persona, assets)] }, options);
}
