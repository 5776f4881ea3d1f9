/** Test helper: a persona's virtual card in an in-process slot, and a channel to it. */
import { CardChannel, type ChannelOptions } from '../../../src/main/card/card-channel.js';
import { InProcessReaderSource } from '../../../src/main/card/inprocess-reader-source.js';
import { CardSlot } from '../../../sim/card/card-slot.js';
import { createPersonaCard } from '../../../sim/card/persona-card.js';
import type { SmartCard } from '../../../sim/card/smart-card.js';
export { testTrust } from '../../../sim/pki/test-pki.js';

export async function insertPersona(personaId: string) {
  const slot = new CardSlot('Test Slot 0');
  const card = await createPersonaCard(personaId);
  slot.insert(card);
  const source = new InProcessReaderSource([slot]);
  return { slot, card, source };
}

export async function openChannel(personaId: string, options: ChannelOptions = {}): Promise<{ channel: CardChannel; card: SmartCard; slot: CardSlot; source: InProcessReaderSource }> {
  const inserted = await insertPersona(personaId);
  const channel = new CardChannel(await inserted.source.connect('Test Slot 0'), options);
  return { channel, ...inserted };
}
