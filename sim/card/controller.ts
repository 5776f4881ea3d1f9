/**
 * startVirtualCard: the API the kiosk's demo mode and the tests use to put persona cards into a
 * virtual reader slot, over vpcd (real pcscd sees it) or in-process. Each persona's card object
 * is kept, so re-inserting the same persona keeps its PIN try counters, like a real card.
 */
import { InProcessReaderSource } from '../../src/main/card/inprocess-reader-source.js';
import { CardSlot } from './card-slot.js';
import { createPersonaCard } from './persona-card.js';
import type { SmartCard } from './smart-card.js';
import { VPCD_BASE_PORT, VpcdLink } from './vpcd-link.js';
import { startControlServer, type ControlServer } from './control-server.js';

export interface StartVirtualCardOptions {
  /** vpcd slot: 0 → port 35963 ("Virtual PCD 00 00"), 1 → 35964. */
  readonly slot?: number;
  /** Insert this persona right away. */
  readonly persona?: string;
  /** `vpcd` (default): through real pcscd; `in-process`: use `readerSource` directly. */
  readonly link?: 'vpcd' | 'in-process';
  readonly vpcdHost?: string;
  /** Serve the `sim:card` CLI on a 127.0.0.1 endpoint with a token file (see docs/card.md). */
  readonly control?: boolean;
  /**
   * Mint every card's certificates as of this day (default: the day each card is first made), so
   * they match the fingerprints a service simulator was seeded with on that day.
   */
  readonly certificatesAsOf?: Date;
}

export interface VirtualCardController {
  insert(personaId: string): Promise<void>;
  remove(): Promise<void>;
  /** Persona id of the inserted card, if any. */
  current(): string | undefined;
  /** For the in-process link: the reader source the kiosk's monitor should watch. */
  readonly readerSource: InProcessReaderSource | undefined;
  close(): Promise<void>;
}

export async function startVirtualCard(options: StartVirtualCardOptions = {}): Promise<VirtualCardController> {
  const slotIndex = options.slot ?? 0;
  const slot = new CardSlot(`Virtual Card Slot ${slotIndex}`);
  const link = options.link === 'in-process' ? undefined : new VpcdLink(slot, { host: options.vpcdHost ?? '127.0.0.1', port: VPCD_BASE_PORT + slotIndex });
  const readerSource = options.link === 'in-process' ? new InProcessReaderSource([slot]) : undefined;
  const cards = new Map<string, SmartCard>();
  let currentId: string | undefined;
  let control: ControlServer | undefined;

  const controller: VirtualCardController = {
    readerSource,
    async insert(personaId) {
      let card = cards.get(personaId);
      if (!card) {
        card = await createPersonaCard(personaId, { now: options.certificatesAsOf });
        cards.set(personaId, card);
      }
      if (currentId !== undefined) slot.remove();
      await link?.settled();
      currentId = personaId;
      slot.insert(card);
      await link?.settled();
    },
    async remove() {
      currentId = undefined;
      slot.remove();
      await link?.settled();
    },
    current: () => currentId,
    async close() {
      await control?.close();
      slot.remove();
      await link?.close();
      await readerSource?.close();
    },
  };
  if (options.persona) await controller.insert(options.persona);
  if (options.control) control = await startControlServer(slotIndex, controller);
  return controller;
}
