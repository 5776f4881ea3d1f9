/**
 * Builds the 券面 APs' offset-table records `FFxx { DFx1 offsets, DFx2…}` (§7.3, §8.2): DFx1 holds
 * big-endian u16 offsets, from the first byte of the file, of each following TLV's tag byte.
 */
import { encodeTlv } from '../../src/main/card/ber-tlv.js';

export interface BuiltRecord {
  readonly file: Uint8Array;
  /** Raw TLV bytes of each field, by tag, for computing signatures over them. */
  readonly fields: ReadonlyMap<number, Uint8Array>;
}

export function buildOffsetRecord(outerTag: number, offsetTag: number, fields: readonly [number, Uint8Array][]): BuiltRecord {
  const encoded = fields.map(([tag, value]) => [tag, encodeTlv(tag, value)] as const);
  const offsetsTlvLength = 3 + 2 * fields.length; // DFx1 with a short length
  const innerLength = offsetsTlvLength + encoded.reduce((n, [, b]) => n + b.length, 0);
  const outerHeaderLength = encodeTlv(outerTag, new Uint8Array(innerLength)).length - innerLength;
  const offsets = new Uint8Array(2 * fields.length);
  let at = outerHeaderLength + offsetsTlvLength;
  encoded.forEach(([, b], i) => {
    offsets[2 * i] = at >> 8;
    offsets[2 * i + 1] = at & 0xff;
    at += b.length;
  });
  const inner = Buffer.concat([encodeTlv(offsetTag, offsets), ...encoded.map(([, b]) => b)]);
  return { file: encodeTlv(outerTag, inner), fields: new Map(encoded) };
}
