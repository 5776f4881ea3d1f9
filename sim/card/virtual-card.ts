/**
 * A faithful virtual My Number card (§12): SELECT by DF name / EF id, READ BINARY by offset or
 * SFI (6B00 past the end, 6982 when locked), VERIFY with non-volatile try counters (63Cx, 63C0 on
 * the last failure, 6984 afterwards), COMPUTE DIGITAL SIGNATURE with P1=00, GET CHALLENGE, and the
 * CLA rules (6881 channels, 6882/69FC secure messaging). Security state is cleared only by power-off.
 */
import { randomBytes } from 'node:crypto';
import { decodeCommand, encodeResponse, type CommandApdu } from '../../src/main/card/apdu.js';
import { SW } from '../../src/main/card/status-words.js';
import type { Application, CardImage, PinKey, SigningKey } from './card-image.js';
import { signRaw } from './raw-signature.js';
import { MY_NUMBER_CARD_ATR, type SmartCard } from './smart-card.js';

export interface VirtualCardOptions {
  /** Whether a DF switch keeps verified keys (UNCONFIRMED, §12); default keep. */
  readonly clearSecurityOnSelect?: boolean;
}

const EMPTY = new Uint8Array(0);
const sw = (word: number) => encodeResponse(EMPTY, word);

export class VirtualCard implements SmartCard {
  readonly atr = MY_NUMBER_CARD_ATR;
  private powered = false;
  private current: Application | undefined;
  private currentEf: number | undefined;
  /** Fresh after power-up: ISO SELECT MF answers 6A86 until an application was selected. */
  private justReset = true;
  private readonly verified = new Set<string>();

  constructor(
    private readonly image: CardImage,
    private readonly options: VirtualCardOptions = {},
  ) {}

  powerOn(): void {
    this.powered = true;
    this.resetState();
  }

  powerOff(): void {
    this.powered = false;
    this.verified.clear();
    this.resetState();
  }

  /** Warm reset: the selection resets but a verified PIN stays verified (§1). */
  reset(): void {
    this.resetState();
  }

  process(apdu: Uint8Array): Uint8Array {
    if (!this.powered) return sw(SW.NO_DIAGNOSIS);
    let cmd: CommandApdu;
    try {
      cmd = decodeCommand(apdu);
    } catch {
      return sw(SW.WRONG_LENGTH);
    }
    if ((cmd.cla & 0x03) !== 0) return sw(SW.CHANNEL_UNSUPPORTED);
    if ((cmd.cla & 0x0c) !== 0) return sw(cmd.ins === 0xa4 ? SW.SM_UNSUPPORTED : SW.SM_DATA_MISSING);
    const proprietary = (cmd.cla & 0xf0) === 0x80;
    if (cmd.cla !== 0x00 && cmd.cla !== 0x80) return sw(SW.CLA_UNSUPPORTED);
    switch (proprietary ? 0x8000 | cmd.ins : cmd.ins) {
      case 0xa4:
        return this.select(cmd);
      case 0xb0:
        return this.readBinary(cmd);
      case 0x20:
        return this.verify(cmd);
      case 0x24:
        return this.changeReferenceData(cmd);
      case 0x802a:
        return this.computeSignature(cmd);
      case 0x84:
        return this.getChallenge(cmd);
      default:
        return sw(SW.INS_UNSUPPORTED);
    }
  }

  private resetState(): void {
    this.current = undefined;
    this.currentEf = undefined;
    this.justReset = true;
  }

  private select(cmd: CommandApdu): Uint8Array {
    const data = cmd.data ?? EMPTY;
    if (cmd.p1 === 0x04 && cmd.p2 === 0x0c) {
      const app = this.image.applications.find((a) => Buffer.compare(a.aid, data) === 0);
      if (!app) return sw(SW.FILE_NOT_FOUND);
      if (app !== this.current && this.options.clearSecurityOnSelect) this.verified.clear();
      this.current = app;
      this.currentEf = undefined;
      this.justReset = false;
      return sw(SW.OK);
    }
    if (cmd.p1 === 0x02 && cmd.p2 === 0x0c && data.length === 2) {
      const fid = (data[0]! << 8) | data[1]!;
      if (!this.current || (!this.current.files.has(fid) && !this.current.keys.has(fid))) return sw(SW.FILE_NOT_FOUND);
      this.currentEf = fid;
      return sw(SW.OK);
    }
    if (cmd.p1 === 0x00 && cmd.p2 === 0x00) {
      // MF: refused right after reset; afterwards 9000 but the current DF does not change (§2).
      if (data.length === 2) return sw(SW.FILE_NOT_FOUND);
      return sw(this.justReset ? SW.WRONG_P1P2 : SW.OK);
    }
    return sw(SW.WRONG_P1P2);
  }

  private readBinary(cmd: CommandApdu): Uint8Array {
    if (cmd.le === undefined) return sw(SW.WRONG_LENGTH);
    let fid: number | undefined;
    let offset: number;
    if ((cmd.p1 & 0x80) !== 0) {
      if ((cmd.p1 & 0x60) !== 0) return sw(SW.WRONG_P1P2);
      fid = cmd.p1 & 0x1f;
      offset = cmd.p2;
    } else {
      fid = this.currentEf;
      offset = ((cmd.p1 << 8) | cmd.p2) & 0x7fff;
    }
    if (!this.current || fid === undefined) return sw(SW.NO_CURRENT_EF);
    const ef = this.current.files.get(fid);
    if (!ef) return sw(this.current.keys.has(fid) ? SW.NO_CURRENT_EF : SW.FILE_NOT_FOUND);
    this.currentEf = fid;
    if (ef.readableAfter && !ef.readableAfter.some((k) => this.isVerified(k))) return sw(SW.SECURITY_NOT_SATISFIED);
    if (offset >= ef.content.length) return sw(SW.OFFSET_BEYOND_END);
    return encodeResponse(ef.content.subarray(offset, Math.min(ef.content.length, offset + cmd.le)), SW.OK);
  }

  private keyRef(cmd: CommandApdu): { fid: number; key: PinKey | SigningKey } | number {
    if (!this.current) return SW.NO_CURRENT_EF;
    if (cmd.p2 === 0x80) {
      if (this.currentEf === undefined) return SW.NO_CURRENT_EF;
      const key = this.current.keys.get(this.currentEf);
      return key ? { fid: this.currentEf, key } : SW.NO_CURRENT_EF;
    }
    if ((cmd.p2 & 0x80) === 0 || (cmd.p2 & 0x60) !== 0) return SW.WRONG_P1P2;
    const fid = cmd.p2 & 0x1f;
    const key = this.current.keys.get(fid);
    return key ? { fid, key } : SW.DATA_NOT_FOUND;
  }

  private verify(cmd: CommandApdu): Uint8Array {
    if (cmd.p1 !== 0x00) return sw(SW.WRONG_P1P2);
    const ref = this.keyRef(cmd);
    if (typeof ref === 'number') return sw(ref);
    const { fid, key } = ref;
    if (key.kind !== 'pin') return sw(SW.CONDITIONS_NOT_SATISFIED);
    const given = cmd.data;
    if (!given) return sw(key.secret === null && key.triesLeft > 0 ? SW.DATA_NOT_FOUND : 0x63c0 | key.triesLeft);
    if (key.triesLeft === 0) return sw(SW.BLOCKED);
    // PIN-less card: no value was ever set, so nothing can match (simulator convention, docs/card.md).
    if (key.secret === null) return sw(SW.DATA_NOT_FOUND);
    if (Buffer.compare(key.secret, given) === 0) {
      key.triesLeft = key.maxTries;
      this.verified.add(this.keyName(fid));
      return sw(SW.OK);
    }
    key.triesLeft -= 1;
    this.verified.delete(this.keyName(fid));
    return sw(0x63c0 | key.triesLeft);
  }

  private changeReferenceData(cmd: CommandApdu): Uint8Array {
    if (cmd.p1 !== 0x01) return sw(SW.WRONG_P1P2);
    const ref = this.keyRef(cmd);
    if (typeof ref === 'number') return sw(ref);
    if (ref.key.kind !== 'pin' || !cmd.data) return sw(SW.WRONG_LENGTH);
    if (!this.isVerified(ref.fid)) return sw(SW.SECURITY_NOT_SATISFIED);
    ref.key.secret = cmd.data.slice();
    return sw(SW.OK);
  }

  private computeSignature(cmd: CommandApdu): Uint8Array {
    if (cmd.p1 !== 0x00) return sw(SW.WRONG_P1P2);
    const data = cmd.data ?? EMPTY;
    if (data.length === 0 || data.length > 245) return sw(SW.WRONG_LENGTH);
    if (!this.current) return sw(SW.NO_CURRENT_EF);
    if (cmd.p2 === 0x00) {
      // A 券面 AP's own card key signs with no credential: the genuineness proof (§8.4).
      return this.current.cardKey ? encodeResponse(signRaw(this.current.cardKey, data), SW.OK) : sw(SW.WRONG_P1P2);
    }
    const ref = this.keyRef(cmd);
    if (typeof ref === 'number') return sw(ref);
    if (ref.key.kind !== 'rsa') return sw(SW.CONDITIONS_NOT_SATISFIED);
    if (!this.isVerified(ref.key.requires)) return sw(SW.SECURITY_NOT_SATISFIED);
    return encodeResponse(signRaw(ref.key.privateKey, data), SW.OK);
  }

  private getChallenge(cmd: CommandApdu): Uint8Array {
    if (cmd.le === undefined) return sw(SW.WRONG_LENGTH);
    if (cmd.le > 256) return sw(SW.CONDITIONS_NOT_SATISFIED);
    return encodeResponse(randomBytes(cmd.le), SW.OK);
  }

  private isVerified(fid: number): boolean {
    return this.verified.has(this.keyName(fid));
  }

  private keyName(fid: number): string {
    return `${this.current?.name ?? 'MF'}:${fid}`;
  }
}
