/**
 * A minimal read-only FlatBuffers table reader, enough for the TFLite schema: tables, scalar
 * fields with defaults, strings, vectors of scalars, tables and bytes. Every offset is
 * bounds-checked so a truncated or corrupt model file fails with a clear error instead of
 * reading garbage.
 */
export class FlatBufferError extends Error {}

export class Table {
  private readonly vtable: number;
  private readonly vtableSize: number;

  constructor(
    private readonly view: DataView,
    readonly position: number,
  ) {
    checkRange(view, position, 4);
    this.vtable = position - view.getInt32(position, true);
    checkRange(view, this.vtable, 4);
    this.vtableSize = view.getUint16(this.vtable, true);
    checkRange(view, this.vtable, this.vtableSize);
  }

  /** Absolute position of field `slot`, or undefined when the field is absent (default). */
  private field(slot: number): number | undefined {
    const entry = 4 + slot * 2;
    if (entry + 2 > this.vtableSize) return undefined;
    const offset = this.view.getUint16(this.vtable + entry, true);
    return offset === 0 ? undefined : this.position + offset;
  }

  int8(slot: number, fallback: number): number {
    const at = this.field(slot);
    return at === undefined ? fallback : (checkRange(this.view, at, 1), this.view.getInt8(at));
  }

  uint8(slot: number, fallback: number): number {
    const at = this.field(slot);
    return at === undefined ? fallback : (checkRange(this.view, at, 1), this.view.getUint8(at));
  }

  int32(slot: number, fallback: number): number {
    const at = this.field(slot);
    return at === undefined ? fallback : (checkRange(this.view, at, 4), this.view.getInt32(at, true));
  }

  uint32(slot: number, fallback: number): number {
    const at = this.field(slot);
    return at === undefined ? fallback : (checkRange(this.view, at, 4), this.view.getUint32(at, true));
  }

  float32(slot: number, fallback: number): number {
    const at = this.field(slot);
    return at === undefined ? fallback : (checkRange(this.view, at, 4), this.view.getFloat32(at, true));
  }

  bool(slot: number): boolean {
    return this.uint8(slot, 0) !== 0;
  }

  string(slot: number): string | undefined {
    const bytes = this.vectorBytes(slot);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  }

  table(slot: number): Table | undefined {
    const at = this.field(slot);
    return at === undefined ? undefined : new Table(this.view, this.indirect(at));
  }

  tables(slot: number): Table[] {
    const vector = this.vector(slot, 4);
    if (vector === undefined) return [];
    return Array.from({ length: vector.length }, (_, i) => new Table(this.view, this.indirect(vector.start + i * 4)));
  }

  int32s(slot: number): number[] {
    const vector = this.vector(slot, 4);
    if (vector === undefined) return [];
    return Array.from({ length: vector.length }, (_, i) => this.view.getInt32(vector.start + i * 4, true));
  }

  /** A vector of bytes as a view into the file (no copy). */
  vectorBytes(slot: number): Uint8Array | undefined {
    const vector = this.vector(slot, 1);
    return vector === undefined ? undefined : new Uint8Array(this.view.buffer, this.view.byteOffset + vector.start, vector.length);
  }

  private vector(slot: number, elementSize: number): { start: number; length: number } | undefined {
    const at = this.field(slot);
    if (at === undefined) return undefined;
    const header = this.indirect(at);
    checkRange(this.view, header, 4);
    const length = this.view.getUint32(header, true);
    checkRange(this.view, header + 4, length * elementSize);
    return { start: header + 4, length };
  }

  private indirect(at: number): number {
    checkRange(this.view, at, 4);
    return at + this.view.getUint32(at, true);
  }
}

/** The root table of a FlatBuffer, optionally checking its 4-byte file identifier. */
export function rootTable(bytes: Uint8Array, identifier?: string): Table {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkRange(view, 0, 8);
  if (identifier !== undefined) {
    const actual = new TextDecoder().decode(bytes.subarray(4, 8));
    if (actual !== identifier) throw new FlatBufferError(`file identifier is "${actual}", expected "${identifier}"`);
  }
  return new Table(view, view.getUint32(0, true));
}

function checkRange(view: DataView, at: number, length: number): void {
  if (!Number.isInteger(at) || at < 0 || length < 0 || at + length > view.byteLength) {
    throw new FlatBufferError(`offset ${at}+${length} is outside the ${view.byteLength}-byte buffer (truncated or corrupt)`);
  }
}
