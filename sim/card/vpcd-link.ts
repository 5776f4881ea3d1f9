/**
 * Connects a slot's card to pcscd through vsmartcard's vpcd driver, as a "vicc" client (§12):
 * TCP to 127.0.0.1:35963 (+slot), every message a 2-byte big-endian length then the payload.
 * A 1-byte payload is a control code (00 power off, 01 power on, 02 reset, 04 send ATR); anything
 * longer is a command APDU answered with the response APDU. For vpcd, a connected client IS an
 * inserted card: insert connects, remove closes the socket.
 */
import { Socket } from 'node:net';
import type { CardSlot } from './card-slot.js';
import type { SmartCard } from './smart-card.js';

export const VPCD_BASE_PORT = 35963;

const CONTROL = { POWER_OFF: 0x00, POWER_ON: 0x01, RESET: 0x02, GET_ATR: 0x04 } as const;

export interface VpcdLinkOptions {
  readonly host?: string;
  readonly port?: number;
}

export class VpcdLink {
  private socket: Socket | undefined;
  private readonly unsubscribe: () => void;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly slot: CardSlot,
    private readonly options: VpcdLinkOptions = {},
  ) {
    this.unsubscribe = slot.subscribe(() => {
      this.pending = this.pending.then(() => this.sync()).catch(() => undefined);
    });
  }

  /** Resolves once the socket state matches the slot (connected iff a card is inserted). */
  async settled(): Promise<void> {
    await this.pending;
    const card = this.slot.current();
    if (card && !this.socket) await this.sync();
  }

  async close(): Promise<void> {
    this.unsubscribe();
    this.disconnect();
  }

  private async sync(): Promise<void> {
    const card = this.slot.current();
    this.disconnect();
    if (card) this.socket = await this.connect(card);
  }

  private disconnect(): void {
    const socket = this.socket;
    this.socket = undefined;
    // end() first so the last response APDU still reaches vpcd before the "card" leaves.
    socket?.end(() => socket.destroy());
  }

  private connect(card: SmartCard): Promise<Socket> {
    const host = this.options.host ?? '127.0.0.1';
    const port = this.options.port ?? VPCD_BASE_PORT;
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      socket.setNoDelay(true);
      let buffered = Buffer.alloc(0);
      socket.on('data', (chunk) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 2) {
          const length = buffered.readUInt16BE(0);
          if (buffered.length < 2 + length) break;
          const payload = buffered.subarray(2, 2 + length);
          buffered = buffered.subarray(2 + length);
          const reply = this.answer(card, payload);
          if (reply) socket.write(frame(reply));
        }
      });
      socket.once('error', (e) => reject(new Error(`vpcd not reachable at ${host}:${port} (is pcscd with vsmartcard-vpcd running?): ${e.message}`)));
      socket.on('error', () => socket.destroy());
      socket.connect(port, host, () => resolve(socket));
    });
  }

  private answer(card: SmartCard, payload: Uint8Array): Uint8Array | undefined {
    if (payload.length === 1) {
      switch (payload[0]) {
        case CONTROL.POWER_OFF:
          card.powerOff();
          return undefined;
        case CONTROL.POWER_ON:
          card.powerOn();
          return undefined;
        case CONTROL.RESET:
          card.reset();
          return undefined;
        case CONTROL.GET_ATR:
          return card.atr;
        default:
          return undefined;
      }
    }
    return card.process(payload);
  }
}

function frame(payload: Uint8Array): Buffer {
  const out = Buffer.alloc(2 + payload.length);
  out.writeUInt16BE(payload.length, 0);
  out.set(payload, 2);
  return out;
}
