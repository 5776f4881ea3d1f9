import { describe, expect, it } from 'vitest';
import { ProtoWriter } from '../../../scripts/models/onnx/protobuf-writer.js';

// The ONNX files are written by this encoder; a wrong varint breaks every model file.
describe('protobuf encoder', () => {
  it('encodes varints as the protobuf spec examples do', () => {
    expect(Array.from(new ProtoWriter().varint(1, 150).finish())).toEqual([0x08, 0x96, 0x01]);
    expect(Array.from(new ProtoWriter().varint(2, 0).finish())).toEqual([0x10, 0x00]);
  });

  it('encodes negative int64 as ten-byte two’s complement', () => {
    const bytes = new ProtoWriter().varint(1, -1).finish();
    expect(bytes.length).toBe(11);
    expect(Array.from(bytes.subarray(1))).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  });

  it('length-prefixes strings and nested messages', () => {
    expect(Array.from(new ProtoWriter().string(2, 'testing').finish())).toEqual([0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67]);
    const nested = new ProtoWriter().message(3, (w) => w.varint(1, 150)).finish();
    expect(Array.from(nested)).toEqual([0x1a, 0x03, 0x08, 0x96, 0x01]);
  });
});
