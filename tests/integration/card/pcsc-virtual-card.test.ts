/**
 * Every persona and every read through REAL pcscd + vsmartcard-vpcd, on vpcd slot 1 ("Virtual PCD
 * 00 01"; slot 0 is left to the demo and e2e tests). One APDU costs ~48 ms on this path, so the
 * reads are lean and the pulled-card cases reuse one monitor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardChannel } from '../../../src/main/card/card-channel.js';
import type { CardSession } from '../../../src/main/card/card-session.js';
import { identifyCard, readAuthCertificate } from '../../../src/main/card/jpki.js';
import { readCardFace } from '../../../src/main/card/kenkaku.js';
import { PcscReaderSource } from '../../../src/main/card/pcsc-reader-source.js';
import type { ReaderEvent } from '../../../src/main/card/reader-events.js';
import { ReaderMonitor } from '../../../src/main/card/reader-monitor.js';
import { CardSlot } from '../../../sim/card/card-slot.js';
import { createPersonaCard } from '../../../sim/card/persona-card.js';
import { listPersonaIds } from '../../../sim/card/persona.js';
import { VPCD_BASE_PORT, VpcdLink } from '../../../sim/card/vpcd-link.js';
import { testCardFaceOptions, testTrust } from '../../../sim/pki/test-pki.js';
import { PullableCard } from '../../unit/card/pulled-card.js';
import { collationFor, SESSION_SEQUENCES } from '../../unit/card/read-sequences.js';
import { lockVpcdSlot, requirePcscdOutsideCiSkip } from '../support/pcscd.js';

const READER = 'Virtual PCD 00 01';
const ready = await requirePcscdOutsideCiSkip();

describe.skipIf(!ready)('My Number card reads through pcscd + vpcd', () => {
  const slot = new CardSlot('vpcd slot 1');
  const link = new VpcdLink(slot, { port: VPCD_BASE_PORT + 1 });
  let source: PcscReaderSource;
  let monitor: ReaderMonitor;
  let unlock: (() => void) | undefined;
  const events: ReaderEvent[] = [];

  function next<T extends ReaderEvent['type']>(types: readonly T[], from = events.length): Promise<Extract<ReaderEvent, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${types.join('/')} event; saw ${events.slice(from).map((e) => e.type).join(',')}`)), 20_000);
      const poll = () => {
        const hit = events.slice(from).find((e) => (types as readonly string[]).includes(e.type));
        if (hit) {
          clearTimeout(timer);
          resolve(hit as Extract<ReaderEvent, { type: T }>);
        } else setTimeout(poll, 10);
      };
      poll();
    });
  }

  async function insert(card: Parameters<CardSlot['insert']>[0]) {
    const from = events.length;
    slot.insert(card);
    await link.settled();
    return next(['card-read', 'card-error'], from);
  }

  async function remove(): Promise<void> {
    const from = events.length;
    slot.remove();
    await link.settled();
    await next(['card-removed'], from);
  }

  async function readPersona(id: string): Promise<CardSession> {
    const e = await insert(await createPersonaCard(id));
    if (e.type !== 'card-read') throw new Error(`${id}: expected card-read, got ${JSON.stringify(e)}`);
    return e.session;
  }

  beforeAll(async () => {
    unlock = await lockVpcdSlot(1);
    source = new PcscReaderSource({ readerFilter: (name) => name.startsWith(READER) });
    monitor = new ReaderMonitor(source, { trust: await testTrust(), cardFace: testCardFaceOptions() });
    monitor.on((e) => events.push(e));
    monitor.start();
    await next(['reader-added'], 0);
  }, 330_000);

  afterAll(async () => {
    slot.remove();
    await link.close();
    await monitor?.stop();
    await source?.close();
    unlock?.();
  });

  it('reads token + certificate of every persona with a chip, or reports the staff code', async () => {
    const expected: Record<string, string> = { 'cert-expired': 'E-CARD-005', 'broken-chip': 'E-CARD-008' };
    for (const id of listPersonaIds()) {
      const e = await insert(await createPersonaCard(id));
      if (expected[id]) expect(e, `${id}: ${JSON.stringify(e)}`).toMatchObject({ type: 'card-error', error: { code: expected[id] } });
      else expect(e, id).toMatchObject({ type: 'card-read', facts: { token: 'my-number-card' } });
      await remove();
    }
  });

  it('PIN: tries without spending, wrong then right VERIFY, and a signature that verifies', async () => {
    const session = await readPersona('normal-adult');
    expect(await session.pinTries()).toEqual({ status: 'available', triesLeft: 3 });
    expect(await session.verifyPin('9999')).toEqual({ status: 'available', triesLeft: 2 });
    expect(await session.verifyPin('1234')).toEqual({ status: 'verified' });
    expect((await session.signNonce(Uint8Array.of(7, 7, 7))).length).toBe(256);
    await remove();
  });

  it('PIN with one try left blocks on the wrong PIN and stays blocked (6984); blocked and PIN-less cards say so', async () => {
    const oneTry = await readPersona('pin-one-try');
    expect(await oneTry.pinTries()).toEqual({ status: 'available', triesLeft: 1 });
    expect(await oneTry.verifyPin('0000')).toEqual({ status: 'blocked' });
    expect(await oneTry.verifyPin('3333')).toEqual({ status: 'blocked' });
    await remove();
    expect(await (await readPersona('pin-blocked')).pinTries()).toEqual({ status: 'blocked' });
    await remove();
    expect(await (await readPersona('pinless-face')).pinTries()).toEqual({ status: 'not-set' });
    await remove();
  });

  it('face path: card-face record with the JP2 photo for the PIN-less card and a foreign resident (Gregorian 照合番号B)', async () => {
    for (const id of ['pinless-face', 'foreign-resident']) {
      const face = await (await readPersona(id)).readCardFace(collationFor(id));
      expect(Buffer.from(face.record.facePhotoJp2.subarray(4, 8)).toString('latin1')).toBe('jP  ');
      expect(face.issuerSignature).toBe('verified');
      await remove();
    }
  });

  it('extended-length reads fetch the whole face path in 6 APDUs through pcscd (the option for readers that support them)', async () => {
    const from = events.length;
    slot.insert(await createPersonaCard('foreign-resident'));
    await link.settled();
    await next(['card-read', 'card-error'], from);
    const session = (events.slice(from).find((e) => e.type === 'card-read') as Extract<ReaderEvent, { type: 'card-read' }>).session;
    // The monitor's own session holds the card exclusively; end it and read with an extended channel.
    await session.end();
    const channel = new CardChannel(await source.connect(source.readers()[0]!), { extended: true });
    await identifyCard(channel);
    await readAuthCertificate(channel, await testTrust());
    const face = await readCardFace(channel, collationFor('foreign-resident'));
    expect(face.record.birthDate).toBe('1992-07-14');
    expect(channel.apduCount).toBe(6);
    await channel.disconnect();
    await remove();
  });

  it('basic four with the 入力補助 PIN and with 照合番号B (JIS X 0208-external name kept)', async () => {
    expect((await (await readPersona('late-elder')).readBasicFour({ kind: 'pin', pin: '7777' })).birthDate).toBe('1946-05-05');
    await remove();
    expect((await (await readPersona('gaiji-name')).readBasicFour({ kind: 'collation-b', value: collationFor('gaiji-name') })).name).toBe('髙橋\u3000優子');
    await remove();
  });

  it('a card pulled after each APDU of the no-PIN read ends in a clean event', async () => {
    for (let k = 1; k <= 6; k++) {
      const card = new PullableCard(await createPersonaCard('normal-adult'), () => slot.remove());
      card.pullAfter(k);
      const from = events.length;
      slot.insert(card);
      await link.settled();
      await next(['card-removed'], from);
      const seen = events.slice(from).map((e) => (e.type === 'card-error' ? `card-error:${e.error.reason}` : e.type));
      if (k < 6) expect(seen, `pulled after APDU ${k}`).toEqual(['card-inserted', 'card-error:CARD_REMOVED', 'card-removed']);
    }
    await readPersona('normal-adult');
    await remove();
  });

  it.each(SESSION_SEQUENCES.map((q) => [q.name, q] as const))('a card pulled after each APDU of "%s" ends in a clean error and the reader stays usable', async (_name, sequence) => {
    const whole = await readPersona(sequence.persona);
    const start = whole.apduCount;
    await sequence.run(whole);
    const length = whole.apduCount - start;
    await remove();
    for (let k = 1; k <= length; k++) {
      const card = new PullableCard(await createPersonaCard(sequence.persona), () => slot.remove());
      const e = await insert(card);
      if (e.type !== 'card-read') throw new Error(`expected card-read, got ${JSON.stringify(e)}`);
      const from = events.length;
      card.pullAfter(k);
      const outcome = await sequence.run(e.session).then(
        () => 'completed',
        (err: unknown) => err,
      );
      if (k < length) expect(outcome, `pulled after APDU ${k}`).toMatchObject({ reason: 'CARD_REMOVED' });
      await link.settled();
      await next(['card-removed'], from);
    }
    await readPersona('normal-adult');
    await remove();
  }, 120_000);
});
