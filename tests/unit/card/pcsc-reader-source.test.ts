/**
 * PcscReaderSource against a scripted pcsclite (the real one is exercised in
 * tests/integration/card): pcscd absent then back, a reader vanishing, presence changes,
 * PC/SC error codes and calls that never return.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { pcscError } from '../../../src/main/card/pcsc-errors.js';
import { PcscReaderSource, type PcscFactory } from '../../../src/main/card/pcsc-reader-source.js';
import type { ReaderSourceEvent } from '../../../src/main/card/transport.js';

const PRESENT = 0x20;
const EMPTY = 0x10;

class FakeReader extends EventEmitter {
  SCARD_SHARE_EXCLUSIVE = 1;
  SCARD_PROTOCOL_T1 = 2;
  SCARD_STATE_PRESENT = PRESENT;
  SCARD_STATE_MUTE = 0x200;
  SCARD_UNPOWER_CARD = 2;
  transmitAnswer: ((cb: (err: unknown, data?: Buffer) => void) => void) | undefined;
  disconnects: number[] = [];
  constructor(readonly name: string) {
    super();
  }
  connect(_options: unknown, cb: (err: unknown, protocol: number) => void) {
    cb(undefined, 2);
  }
  transmit(_data: Buffer, _len: number, _protocol: number, cb: (err: unknown, data?: Buffer) => void) {
    this.transmitAnswer?.(cb);
  }
  disconnect(disposition: number, cb: () => void) {
    this.disconnects.push(disposition);
    cb();
  }
}

function fakePcsc(failFirst: number) {
  let calls = 0;
  const contexts: EventEmitter[] = [];
  const factory = (() => {
    calls++;
    if (calls <= failFirst) throw new Error('SCardEstablishContext error: Service not available.(0x8010001D)');
    const context = Object.assign(new EventEmitter(), { close: () => undefined });
    contexts.push(context);
    return context;
  }) as unknown as PcscFactory;
  return { factory, contexts };
}

function collect(source: PcscReaderSource): ReaderSourceEvent[] {
  const events: ReaderSourceEvent[] = [];
  source.subscribe((e) => events.push(e));
  return events;
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('PcscReaderSource', () => {
  it('reports a missing pcscd as service-down with E-CARD-011 (also to late subscribers), then service-up when it comes back', async () => {
    const fake = fakePcsc(1);
    const source = new PcscReaderSource({ pcsc: fake.factory, restartDelayMs: 10 });
    const events = collect(source);
    await tick(50);
    expect(events.map((e) => e.type)).toEqual(['service-down', 'service-up']);
    expect(events[0]).toMatchObject({ error: { reason: 'PCSC_UNAVAILABLE', code: 'E-CARD-011' } });
    await source.close();
  });

  it('turns reader status into card-present/absent on the present flag only, and reader end into reader-removed', async () => {
    const fake = fakePcsc(0);
    const source = new PcscReaderSource({ pcsc: fake.factory });
    const events = collect(source);
    await tick();
    const reader = new FakeReader('USB Reader 00');
    fake.contexts[0]!.emit('reader', reader);
    reader.emit('status', { state: EMPTY | (1 << 16) });
    reader.emit('status', { state: PRESENT | (2 << 16), atr: Buffer.from('3BE000FF8131FE4514', 'hex') });
    reader.emit('status', { state: PRESENT | 0x100 | (7 << 16) }); // in use, counter moved: no event
    reader.emit('status', { state: EMPTY | (8 << 16) });
    reader.emit('status', { state: PRESENT | (9 << 16), atr: Buffer.from('3BE000FF8131FE4514', 'hex') });
    reader.emit('end');
    expect(events.map((e) => e.type)).toEqual(['reader-added', 'card-present', 'card-absent', 'card-present', 'card-absent', 'reader-removed']);
    await source.close();
  });

  it('maps PC/SC errors to typed card errors, times out a hung transmit, and disconnects with UNPOWER', async () => {
    const fake = fakePcsc(0);
    const source = new PcscReaderSource({ pcsc: fake.factory, callTimeoutMs: 50 });
    await tick();
    const reader = new FakeReader('USB Reader 00');
    fake.contexts[0]!.emit('reader', reader);
    reader.emit('status', { state: PRESENT });
    const transport = await source.connect('USB Reader 00');
    reader.transmitAnswer = (cb) => cb(new Error('SCardTransmit error: Card was removed.(0x80100069)'));
    await expect(transport.transmit(Uint8Array.of(0, 0xa4, 0, 0))).rejects.toMatchObject({ reason: 'CARD_REMOVED', code: 'E-CARD-009' });
    await transport.disconnect();
    expect(reader.disconnects).toEqual([2]);

    const second = await source.connect('USB Reader 00');
    reader.transmitAnswer = () => undefined; // pcscd never answers
    await expect(second.transmit(Uint8Array.of(0, 0xa4, 0, 0))).rejects.toMatchObject({ reason: 'TIMEOUT', code: 'E-CARD-012' });
    await expect(second.transmit(Uint8Array.of(0, 0xa4, 0, 0))).rejects.toMatchObject({ reason: 'TIMEOUT' });
    await expect(source.connect('No Such Reader')).rejects.toMatchObject({ reason: 'READER_GONE' });
    await source.close();
  });

  it('emits service-down and drops readers when pcscd dies while running', async () => {
    const fake = fakePcsc(0);
    const source = new PcscReaderSource({ pcsc: fake.factory, restartDelayMs: 10 });
    const events = collect(source);
    await tick();
    const reader = new FakeReader('USB Reader 00');
    fake.contexts[0]!.emit('reader', reader);
    reader.emit('status', { state: PRESENT });
    fake.contexts[0]!.emit('error', new Error('SCardGetStatusChange error: Service was stopped.(0x8010001E)'));
    await tick(50);
    expect(events.map((e) => e.type)).toEqual(['reader-added', 'card-present', 'card-absent', 'reader-removed', 'service-down', 'service-up']);
    expect(events.find((e) => e.type === 'service-down')).toMatchObject({ error: { reason: 'PCSC_UNAVAILABLE' } });
    await source.close();
  });

  it('survives pcscd dying while a reader it ignores (filtered out) is listed: that reader\'s error is not left unhandled', async () => {
    const fake = fakePcsc(0);
    const source = new PcscReaderSource({ pcsc: fake.factory, restartDelayMs: 10, readerFilter: (name) => name === 'Virtual PCD 00 00' });
    const events = collect(source);
    await tick();
    const ignored = new FakeReader('Virtual PCD 00 01');
    fake.contexts[0]!.emit('reader', ignored);
    // An EventEmitter throws on an 'error' nobody listens to: in pcsclite that ends the kiosk.
    expect(() => ignored.emit('error', new Error('SCardGetStatusChange error: RPC transport error.(0x80100013)'))).not.toThrow();
    expect(events).toEqual([]);
    await source.close();
  });

  it.each([
    ['SCardConnect error: Sharing violation.(0x8010000B)', 'READER_BUSY', 'E-CARD-020'],
    ['SCardTransmit error: Transaction failed.(0x80100016)', 'CARD_BROKEN', 'E-CARD-008'],
    ['SCardConnect error: Unknown reader specified.(0x80100009)', 'READER_GONE', 'E-CARD-010'],
    ['SCardEstablishContext error: Service not available.(0x8010001D)', 'PCSC_UNAVAILABLE', 'E-CARD-011'],
  ])('maps "%s" to %s (%s), marked as a link failure', (message, reason, code) => {
    expect(pcscError(new Error(message), 'test')).toMatchObject({ reason, code, transport: true });
  });
});
