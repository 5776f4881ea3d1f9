/**
 * What a virtual chip holds (§12): applications (DF) with elementary files, PIN keys and RSA keys.
 * PIN try counters live here and are mutated by the card, so they persist across power cycles
 * exactly like the real non-volatile counters.
 */
import type { KeyObject } from 'node:crypto';

export interface ElementaryFile {
  readonly kind: 'binary';
  /** Physical contents including filler (the EF 0003 digests cover the filler, §7.1). */
  readonly content: Uint8Array;
  /** Key EFs any one of which unlocks READ BINARY; absent = free to read. */
  readonly readableAfter?: readonly number[];
}

export interface PinKey {
  readonly kind: 'pin';
  /** ASCII secret; null = no value set (PIN-less 顔認証 card, or the always-blocked Kenhojo 0012). */
  secret: Uint8Array | null;
  readonly maxTries: number;
  triesLeft: number;
}

export interface SigningKey {
  readonly kind: 'rsa';
  readonly privateKey: KeyObject;
  /** PIN key EF that must be verified before this key signs. */
  readonly requires: number;
}

export interface Application {
  readonly name: string;
  readonly aid: Uint8Array;
  readonly files: ReadonlyMap<number, ElementaryFile>;
  readonly keys: ReadonlyMap<number, PinKey | SigningKey>;
  /** The AP's own card key answering `80 2A 00 00` without a credential (券面 APs). */
  readonly cardKey?: KeyObject;
}

export interface CardImage {
  readonly applications: readonly Application[];
}

/** Pad to a physical EF size with FF filler, as the real card's fixed-size EFs are. */
export function withFiller(content: Uint8Array, physicalSize: number): Uint8Array {
  if (content.length > physicalSize) throw new RangeError(`EF content ${content.length} > physical size ${physicalSize}`);
  const out = new Uint8Array(physicalSize).fill(0xff);
  out.set(content);
  return out;
}

/** Round a size up to whole 256-byte blocks plus one spare block, a plausible fixed EF size. */
export function physicalSizeFor(length: number): number {
  return (Math.floor(length / 256) + 2) * 256;
}

export function pin(secret: string | null, maxTries: number, triesLeft = maxTries): PinKey {
  return { kind: 'pin', secret: secret === null ? null : Buffer.from(secret, 'ascii'), maxTries, triesLeft };
}

export function ascii(text: string): Uint8Array {
  return Buffer.from(text, 'ascii');
}
