/**
 * ISO/IEC 7816-4 command and response APDUs (コマンドAPDU / レスポンスAPDU).
 * Encoding chooses short or extended form; decoding is used by the virtual card and must turn
 * any byte string into either a command or a typed error, because a vpcd peer can send anything.
 */
import { malformed } from './card-error.js';

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** Command data (Lc is its length). Up to 65535 bytes. */
  readonly data?: Uint8Array;
  /** Expected response length, 1..65536; absent means no response data expected (Le absent). */
  readonly le?: number;
}

export interface ResponseApdu {
  readonly data: Uint8Array;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  readonly sw: number;
}

const SHORT_MAX = 256;

/** True when the command needs the extended length form (Lc > 255 or Le > 256). */
export function needsExtended(cmd: CommandApdu): boolean {
  return (cmd.data?.length ?? 0) > 255 || (cmd.le ?? 0) > SHORT_MAX;
}

export function encodeCommand(cmd: CommandApdu, opts: { extended?: boolean } = {}): Uint8Array {
  const data = cmd.data ?? new Uint8Array(0);
  if (data.length > 65535) throw new RangeError('APDU data longer than 65535 bytes');
  if (cmd.le !== undefined && (cmd.le < 1 || cmd.le > 65536)) throw new RangeError(`Le out of range: ${cmd.le}`);
  const extended = opts.extended === true || needsExtended(cmd);
  const out: number[] = [cmd.cla & 0xff, cmd.ins & 0xff, cmd.p1 & 0xff, cmd.p2 & 0xff];
  if (!extended) {
    if (data.length > 0) out.push(data.length, ...data);
    if (cmd.le !== undefined) out.push(cmd.le & 0xff); // 256 encodes as 00
    return Uint8Array.from(out);
  }
  if (data.length > 0) out.push(0, data.length >> 8, data.length & 0xff, ...data);
  if (cmd.le !== undefined) {
    const le = cmd.le & 0xffff; // 65536 encodes as 00 00
    if (data.length === 0) out.push(0);
    out.push(le >> 8, le & 0xff);
  }
  return Uint8Array.from(out);
}

/** Parse a command APDU (cases 1, 2S/E, 3S/E, 4S/E). Throws CardError('CARD_BROKEN') on bad framing. */
export function decodeCommand(bytes: Uint8Array): CommandApdu {
  if (bytes.length < 4) throw malformed(`command APDU shorter than 4 bytes (${bytes.length})`);
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const head = { cla, ins, p1, p2 };
  const body = bytes.subarray(4);
  if (body.length === 0) return head;
  if (body.length === 1) return { ...head, le: body[0] === 0 ? 256 : body[0]! };
  if (body[0] !== 0) {
    // Short form: Lc then data, then an optional one-byte Le.
    const lc = body[0]!;
    if (body.length === 1 + lc) return { ...head, data: body.slice(1) };
    if (body.length === 2 + lc) return { ...head, data: body.slice(1, 1 + lc), le: body[1 + lc] === 0 ? 256 : body[1 + lc]! };
    throw malformed(`short APDU body of ${body.length} bytes does not match Lc=${lc}`);
  }
  // Extended form: a leading 00 then two length bytes.
  if (body.length === 3) {
    const le = (body[1]! << 8) | body[2]!;
    return { ...head, le: le === 0 ? 65536 : le };
  }
  if (body.length < 3) throw malformed('extended APDU length truncated');
  const lc = (body[1]! << 8) | body[2]!;
  if (lc === 0) throw malformed('extended Lc of zero');
  if (body.length === 3 + lc) return { ...head, data: body.slice(3) };
  if (body.length === 5 + lc) {
    const le = (body[3 + lc]! << 8) | body[4 + lc]!;
    return { ...head, data: body.slice(3, 3 + lc), le: le === 0 ? 65536 : le };
  }
  throw malformed(`extended APDU body of ${body.length} bytes does not match Lc=${lc}`);
}

/** Split a raw response into data and SW. Fewer than 2 bytes is a broken card, not a crash. */
export function decodeResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw malformed(`response APDU shorter than 2 bytes (${bytes.length})`);
  const n = bytes.length;
  return { data: bytes.slice(0, n - 2), sw: (bytes[n - 2]! << 8) | bytes[n - 1]! };
}

export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = (sw >> 8) & 0xff;
  out[data.length + 1] = sw & 0xff;
  return out;
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}
