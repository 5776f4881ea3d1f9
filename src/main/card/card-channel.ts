/**
 * A card session on top of a transport: encodes commands, follows 61xx (GET RESPONSE) and 6Cxx
 * (wrong Le) as ISO 7816-4 says, remembers the selected application so a read never re-selects it,
 * and counts APDUs and bytes (the figure docs/card.md and the bench report).
 */
import { decodeResponse, encodeCommand, type CommandApdu, type ResponseApdu } from './apdu.js';
import { malformed } from './card-error.js';
import { classifyStatus } from './status-words.js';
import type { CardTransport } from './transport.js';

/** Bound on 61xx chaining: a card that keeps saying "more" is broken, not generous. */
const MAX_CHAINED_RESPONSES = 300;

export interface ChannelOptions {
  /** Read whole files with one extended-Le READ BINARY instead of 256-byte chunks. */
  readonly extended?: boolean;
}

export class CardChannel {
  apduCount = 0;
  bytesReceived = 0;
  private selectedAid: string | undefined;

  constructor(
    private readonly transport: CardTransport,
    readonly options: ChannelOptions = {},
  ) {}

  async send(cmd: CommandApdu): Promise<ResponseApdu> {
    let response = await this.exchange(cmd);
    const wrongLe = classifyStatus(response.sw);
    if (wrongLe.kind === 'wrong-le' && wrongLe.count !== undefined) {
      response = await this.exchange({ ...cmd, le: wrongLe.count });
    }
    let data = response.data;
    for (let i = 0; ; i++) {
      const meaning = classifyStatus(response.sw);
      if (meaning.kind !== 'more-data' || meaning.count === undefined) break;
      if (i >= MAX_CHAINED_RESPONSES) throw malformed('endless 61xx response chain');
      response = await this.exchange({ cla: 0x00, ins: 0xc0, p1: 0, p2: 0, le: meaning.count });
      data = concat(data, response.data);
    }
    return { data, sw: response.sw };
  }

  /** The AID selected last in this session (so callers can skip a redundant SELECT). */
  isSelected(aidHex: string): boolean {
    return this.selectedAid === aidHex;
  }

  markSelected(aidHex: string | undefined): void {
    this.selectedAid = aidHex;
  }

  disconnect(): Promise<void> {
    this.selectedAid = undefined;
    return this.transport.disconnect();
  }

  private async exchange(cmd: CommandApdu): Promise<ResponseApdu> {
    const raw = await this.transport.transmit(encodeCommand(cmd));
    this.apduCount += 1;
    this.bytesReceived += raw.length;
    return decodeResponse(raw);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
