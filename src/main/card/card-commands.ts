/**
 * The handful of card commands every application module uses (§3), each as the minimal APDU:
 * files are addressed by SFI so no SELECT EF is spent, and TLV files are read with one 256-byte
 * READ BINARY that also yields the header, then only the remaining chunks.
 */
import type { CardChannel } from './card-channel.js';
import { CardError, malformed } from './card-error.js';
import { readTlvHeader } from './ber-tlv.js';
import { classifyStatus, statusError, SW } from './status-words.js';

/** Application identifiers (DF names) of the card's APs (§2). */
export const AID = {
  /** 公的個人認証AP */
  JPKI: 'D392F000260100000001',
  /** 券面事項入力補助AP */
  KENHOJO: 'D3921000310001010408',
  /** 券面事項確認AP */
  KENKAKU: 'D3921000310001010402',
} as const;

/** READ BINARY P1P2 offsets are 15 bits (§3). */
const MAX_OFFSET = 0x7fff;

export async function selectApplication(ch: CardChannel, aidHex: string): Promise<void> {
  if (ch.isSelected(aidHex)) return;
  ch.markSelected(undefined);
  const r = await ch.send({ cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: Buffer.from(aidHex, 'hex') });
  if (r.sw !== SW.OK) throw statusError(r.sw, `SELECT ${aidHex}`);
  ch.markSelected(aidHex);
}

/** Read exactly `length` bytes from offset 0 of the EF with short id `sfi` (≤ 256 bytes). */
export async function readBytesBySfi(ch: CardChannel, sfi: number, length: number): Promise<Uint8Array> {
  const r = await ch.send({ cla: 0x00, ins: 0xb0, p1: 0x80 | sfi, p2: 0x00, le: length });
  if (r.sw !== SW.OK) throw statusError(r.sw, `READ BINARY SFI ${sfi}`);
  return r.data;
}

/**
 * Read a whole TLV-structured EF (certificate, card-face record…) by SFI: the first READ BINARY
 * makes it the current EF and brings the header, the rest is read by offset. Filler after the TLV
 * is never requested.
 */
export async function readTlvFileBySfi(ch: CardChannel, sfi: number): Promise<Uint8Array> {
  const firstLe = ch.options.extended ? 65536 : 256;
  const first = await ch.send({ cla: 0x00, ins: 0xb0, p1: 0x80 | sfi, p2: 0x00, le: firstLe });
  if (first.sw !== SW.OK) throw statusError(first.sw, `READ BINARY SFI ${sfi}`);
  const header = readTlvHeader(first.data);
  const total = header.headerLength + header.length;
  if (total > MAX_OFFSET + 1) throw malformed(`EF with SFI ${sfi} claims ${total} bytes, beyond 15-bit offsets`);
  const file = new Uint8Array(total);
  let have = Math.min(first.data.length, total);
  file.set(first.data.subarray(0, have));
  while (have < total) {
    const le = ch.options.extended ? total - have : Math.min(256, total - have);
    const r = await ch.send({ cla: 0x00, ins: 0xb0, p1: have >> 8, p2: have & 0xff, le });
    if (r.sw !== SW.OK) throw statusError(r.sw, `READ BINARY SFI ${sfi} at ${have}`);
    // We never ask past the object's end, so a short answer means the header lied.
    if (r.data.length < le) throw malformed(`EF with SFI ${sfi} ended at ${have + r.data.length} of ${total} bytes`);
    const take = le;
    file.set(r.data.subarray(0, take), have);
    have += take;
  }
  return file;
}

/** Retry counter of a key, read without spending a try (empty VERIFY). */
export type RetryState =
  | { readonly status: 'available'; readonly triesLeft: number }
  | { readonly status: 'blocked' }
  /** The key has no value set: the PIN-less 顔認証マイナンバーカード (simulator convention 6A88). */
  | { readonly status: 'not-set' };

export type VerifyOutcome = { readonly status: 'verified' } | RetryState;

/** VERIFY with P2 = 80|SFI. `secret` absent = retry query, which never spends a try. */
export async function verifyBySfi(ch: CardChannel, sfi: number, secret?: Uint8Array): Promise<VerifyOutcome> {
  const r = await ch.send({ cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x80 | sfi, ...(secret ? { data: secret } : {}) });
  if (r.sw === SW.OK) return { status: 'verified' };
  const meaning = classifyStatus(r.sw);
  switch (meaning.kind) {
    case 'pin-wrong':
      return { status: 'available', triesLeft: meaning.count ?? 0 };
    case 'pin-exhausted':
    case 'blocked':
      return { status: 'blocked' };
    case 'data-not-found':
      return { status: 'not-set' };
    default:
      throw statusError(r.sw, `VERIFY SFI ${sfi}`);
  }
}

/**
 * COMPUTE DIGITAL SIGNATURE (80 2A 00 P2) with P1=00: PKCS#1 v1.5 over `input` exactly as
 * given (a DigestInfo). P2 = 80|SFI of the key, or 00 for a 券面 AP's own card key.
 */
export async function computeSignature(ch: CardChannel, p2: number, input: Uint8Array): Promise<Uint8Array> {
  const r = await ch.send({ cla: 0x80, ins: 0x2a, p1: 0x00, p2, data: input, le: 256 });
  if (r.sw !== SW.OK) throw statusError(r.sw, `COMPUTE SIGNATURE P2=${p2.toString(16)}`);
  if (r.data.length !== 256) throw new CardError('CARD_BROKEN', `signature of ${r.data.length} bytes, expected 256`);
  return r.data;
}

/** SHA-256 DigestInfo prefix (§6.5): the input the card signs with P1=00. */
export const SHA256_DIGEST_INFO_PREFIX = Uint8Array.from([
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
]);

export function sha256DigestInfo(hash: Uint8Array): Uint8Array {
  const out = new Uint8Array(SHA256_DIGEST_INFO_PREFIX.length + hash.length);
  out.set(SHA256_DIGEST_INFO_PREFIX);
  out.set(hash, SHA256_DIGEST_INFO_PREFIX.length);
  return out;
}
