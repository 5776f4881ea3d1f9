/**
 * A small BER-TLV reader for the card's private records (FF20 {DF21 …}, 7F21 CV certificates,
 * 30 82 … certificate headers). Definite lengths only, up to 3 length bytes: the card never uses
 * more, and anything else in card bytes is corruption, reported as CardError('CARD_BROKEN').
 * X.509 itself is parsed by @peculiar/x509, not here.
 */
import { malformed } from './card-error.js';

export interface Tlv {
  /** Tag bytes as a number, e.g. 0xFF20, 0xDF27, 0x7F21, 0x30. */
  readonly tag: number;
  readonly constructed: boolean;
  /** Offset of the first tag byte in the buffer that was parsed. */
  readonly start: number;
  readonly headerLength: number;
  readonly value: Uint8Array;
  /** Offset just past the value. */
  readonly end: number;
}

export interface TlvHeader {
  readonly tag: number;
  readonly constructed: boolean;
  readonly headerLength: number;
  readonly length: number;
}

/** Read a tag and length at `offset` without requiring the value to be present (for sizing a file). */
export function readTlvHeader(bytes: Uint8Array, offset = 0): TlvHeader {
  let pos = offset;
  const first = byteAt(bytes, pos++, 'tag');
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // High-tag form: continuation bytes while b8 is set; the card uses at most 2 more.
    let next: number;
    let extra = 0;
    do {
      next = byteAt(bytes, pos++, 'tag');
      tag = tag * 256 + next;
      if (++extra > 2) throw malformed(`tag longer than 3 bytes at ${offset}`);
    } while ((next & 0x80) !== 0);
  }
  const lengthByte = byteAt(bytes, pos++, 'length');
  let length: number;
  if (lengthByte < 0x80) {
    length = lengthByte;
  } else {
    const count = lengthByte & 0x7f;
    if (count === 0) throw malformed(`indefinite length at ${offset}`);
    if (count > 3) throw malformed(`length of ${count} bytes at ${offset}`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + byteAt(bytes, pos++, 'length');
  }
  return { tag, constructed: (first & 0x20) !== 0, headerLength: pos - offset, length };
}

/** Read one complete TLV at `offset`; the value must fit in `bytes`. */
export function readTlv(bytes: Uint8Array, offset = 0): Tlv {
  const header = readTlvHeader(bytes, offset);
  const valueStart = offset + header.headerLength;
  const end = valueStart + header.length;
  if (end > bytes.length) {
    throw malformed(`TLV ${header.tag.toString(16)} at ${offset} needs ${end} bytes, have ${bytes.length}`);
  }
  return {
    tag: header.tag,
    constructed: header.constructed,
    start: offset,
    headerLength: header.headerLength,
    value: bytes.subarray(valueStart, end),
    end,
  };
}

/** All TLVs packed back to back in `bytes` (e.g. the children of FF20). */
export function readTlvList(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const tlv = readTlv(bytes, offset);
    out.push(tlv);
    offset = tlv.end;
  }
  return out;
}

/** The child with `tag`, or a CARD_BROKEN error naming what was missing. */
export function requireTlv(list: readonly Tlv[], tag: number): Tlv {
  const found = list.find((t) => t.tag === tag);
  if (!found) throw malformed(`missing tag ${tag.toString(16).toUpperCase()}`);
  return found;
}

/** Encode one TLV (used by the virtual card and by tests); the inverse of readTlv. */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const tagBytes: number[] = [];
  for (let t = tag; t > 0 || tagBytes.length === 0; t = Math.floor(t / 256)) tagBytes.unshift(t & 0xff);
  const n = value.length;
  const lengthBytes = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  const out = new Uint8Array(tagBytes.length + lengthBytes.length + n);
  out.set(tagBytes, 0);
  out.set(lengthBytes, tagBytes.length);
  out.set(value, tagBytes.length + lengthBytes.length);
  return out;
}

function byteAt(bytes: Uint8Array, pos: number, what: string): number {
  const b = bytes[pos];
  if (b === undefined) throw malformed(`truncated TLV ${what} at ${pos}`);
  return b;
}
