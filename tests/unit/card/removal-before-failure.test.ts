/**
 * A card pulled mid-APDU through pcsclite: the transmit fails first ("Transaction failed"
 * 0x80100016 from vpcd, "Card was removed" 0x80100069 from a real reader) and the reader's status
 * says "empty" 0.1-0.6 s later. Whatever the failed APDU said, the session must hear "card removed"
 * before any failure, so the patient goes straight back to standby instead of seeing E-CARD-008 or
 * a failed face check for a moment.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { CardSession } from '../../../src/main/card/card-session.js';
import { PcscReaderSource, type PcscFactory } from '../../../src/main/card/pcsc-reader-source.js';
import type { ReaderEvent } from '../../../src/main/card/reader-events.js';
import { ReaderMonitor } from '../../../src/main/card/reader-monitor.js';
import { createCardLink } from '../../../src/main/core/card-port.js';
import { createLogger } from '../../../src/main/core/logger.js';
import type { SessionEvent } from '../../../src/main/session/events.js';
import { createPersonaCard } from '../../../sim/card/persona-card.js';
import type { SmartCard } from '../../../sim/card/smart-card.js';
import { testTrust } from './in-process.js';

const PRESENT = 0x20;
const EMPTY = 0x10;
const TRANSACTION_FAILED = 'SCardTransmit error: Transaction failed.(0x80100016)';
const CARD_WAS_REMOVED = 'SCardTransmit error: Card was removed.(0x80100069)';
/** vpcd when the virtual card's socket closes mid-APDU: SCardTransmit "succeeds" with 0 bytes. */
const EMPTY_ANSWER = '';

/** One pcsclite reader holding a virtual card; `pull` breaks the link now and reports "empty" later. */
class ScriptedReader extends EventEmitter {
  SCARD_SHARE_EXCLUSIVE = 1;
  SCARD_PROTOCOL_T1 = 2;
  SCARD_STATE_PRESENT = PRESENT;
  SCARD_STATE_MUTE = 0x200;
  SCARD_UNPOWER_CARD = 2;
  private linkError: string | undefined;
  private connectError: string | undefined;
  private pullAtApdu = Number.POSITIVE_INFINITY;
  private absentAfterMs = 0;
  apdus = 0;
  constructor(
    readonly name: string,
    private readonly card: SmartCard,
  ) {
    super();
  }
  insert() {
    this.emit('status', { state: PRESENT, atr: Buffer.from(this.card.atr) });
  }
  /** Before APDU number `apdu` (counted from 1) the card leaves: that transmit fails with `message` (EMPTY_ANSWER: 0 bytes). */
  pullBefore(apdu: number, message: string, absentAfterMs: number) {
    this.pullAtApdu = apdu;
    this.linkError = message;
    this.absentAfterMs = absentAfterMs;
  }
  /** The card leaves while it is being powered up: connect fails with `message`, "empty" follows. */
  pullWhilePoweringUp(message: string, absentAfterMs: number) {
    this.connectError = message;
    this.absentAfterMs = absentAfterMs;
  }
  connect(_options: unknown, cb: (err: unknown, protocol: number) => void) {
    if (this.connectError !== undefined) {
      setTimeout(() => this.emit('status', { state: EMPTY }), this.absentAfterMs);
      return setImmediate(() => cb(new Error(this.connectError), 0));
    }
    this.card.powerOn();
    cb(undefined, 2);
  }
  transmit(data: Buffer, _len: number, _protocol: number, cb: (err: unknown, data?: Buffer) => void) {
    this.apdus++;
    if (this.apdus === this.pullAtApdu) setTimeout(() => this.emit('status', { state: EMPTY }), this.absentAfterMs);
    if (this.apdus >= this.pullAtApdu) return setImmediate(() => (this.linkError ? cb(new Error(this.linkError)) : cb(undefined, Buffer.alloc(0))));
    const answer = Buffer.from(this.card.process(new Uint8Array(data)));
    setImmediate(() => cb(undefined, answer));
  }
  disconnect(_disposition: number, cb: () => void) {
    cb();
  }
}

async function kiosk(persona: string) {
  const reader = new ScriptedReader('Scripted Reader 00', await createPersonaCard(persona));
  const context = Object.assign(new EventEmitter(), { close: () => undefined });
  const source = new PcscReaderSource({ pcsc: (() => context) as unknown as PcscFactory });
  const monitor = new ReaderMonitor(source, { trust: await testTrust() });
  /** Reader events and session events in the order they happened, as one trail. */
  const trail: string[] = [];
  monitor.on((e: ReaderEvent) => trail.push(e.type === 'card-error' ? `card-error:${e.error.reason}` : e.type));
  const link = createCardLink({
    subscribe: (l) => monitor.on(l),
    isRegistered: async () => true,
    expiredCertificate: () => Promise.reject(new Error('not expected')),
    now: () => new Date('2026-01-10T01:00:00Z'),
    log: createLogger({ level: 'silent' }),
  });
  const session: SessionEvent[] = [];
  link.start((e) => {
    session.push(e);
    trail.push(`session:${e.type}`);
  });
  monitor.start();
  context.emit('reader', reader);
  return { reader, monitor, link, session, trail };
}

async function until(trail: readonly string[], entry: string): Promise<void> {
  const giveUp = Date.now() + 4_000;
  while (!trail.includes(entry)) {
    if (Date.now() > giveUp) throw new Error(`no ${entry}; trail: ${trail.join(', ')}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('a card pulled mid-APDU (pcsclite error shapes)', () => {
  it.each([TRANSACTION_FAILED, CARD_WAS_REMOVED, EMPTY_ANSWER])('during the read: "%s" then empty is a removal, and the session hears card-removed before the failed read', async (message) => {
    const { reader, monitor, link, trail } = await kiosk('normal-adult');
    reader.pullBefore(3, message, 150);
    reader.insert();
    await until(trail, 'session:card-inserted');
    // The effect runner answers the session from this promise: it must settle after card-removed.
    await link.port.readFacts().then(
      () => trail.push('read answered'),
      (e: unknown) => trail.push(`read failed: ${(e as { code: string }).code}`),
    );
    expect(trail).toEqual(['reader-added', 'card-inserted', 'session:card-inserted', 'card-error:CARD_REMOVED', 'card-removed', 'session:card-removed', 'read failed: E-CARD-009']);
    await monitor.stop();
  });

  it('pulled while being powered up: "Card is unresponsive" (0x80100066) then empty is a removal, not a broken card', async () => {
    const { reader, monitor, trail } = await kiosk('normal-adult');
    reader.pullWhilePoweringUp('SCardConnect error: Card is unresponsive.(0x80100066)', 150);
    reader.insert();
    await until(trail, 'session:card-removed');
    expect(trail).toEqual(['reader-added', 'card-inserted', 'session:card-inserted', 'card-error:CARD_REMOVED', 'card-removed', 'session:card-removed']);
    await monitor.stop();
  });

  it('a link failure with the card still there stays a broken card (E-CARD-008) when no removal follows', async () => {
    const { reader, monitor, link, trail } = await kiosk('normal-adult');
    reader.pullBefore(3, TRANSACTION_FAILED, 60_000);
    reader.insert();
    await until(trail, 'session:card-inserted');
    await expect(link.port.readFacts()).rejects.toMatchObject({ code: 'E-CARD-008' });
    expect(trail).not.toContain('card-removed');
    await monitor.stop();
  });

  it.each([TRANSACTION_FAILED, CARD_WAS_REMOVED, EMPTY_ANSWER])('after the read (chip photo, PIN): "%s" rejects only once card-removed is out', async (message) => {
    const { reader, monitor, trail } = await kiosk('normal-adult');
    const read = new Promise<CardSession>((resolve) => monitor.on((e) => e.type === 'card-read' && resolve(e.session)));
    reader.insert();
    const session = await read;
    reader.pullBefore(reader.apdus + 1, message, 150);
    const outcome = await session.pinTries().then(
      () => 'answered',
      (e: unknown) => (e as { reason: string }).reason,
    );
    trail.push(`pin tries: ${outcome}`);
    expect(trail.slice(-3)).toEqual(['card-removed', 'session:card-removed', 'pin tries: CARD_REMOVED']);
    await monitor.stop();
  });
});
