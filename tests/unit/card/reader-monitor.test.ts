import { describe, expect, it } from 'vitest';
import { graceLastDay, isWithinGrace } from '../../../src/main/card/certificate-grace.js';
import { InProcessReaderSource } from '../../../src/main/card/inprocess-reader-source.js';
import type { ReaderEvent } from '../../../src/main/card/reader-events.js';
import { ReaderMonitor } from '../../../src/main/card/reader-monitor.js';
import { CardSlot } from '../../../sim/card/card-slot.js';
import { createPersonaCard } from '../../../sim/card/persona-card.js';
import { testTrust } from './in-process.js';
import { PullableCard } from './pulled-card.js';
import { SESSION_SEQUENCES } from './read-sequences.js';

function until(events: ReaderEvent[], predicate: (e: ReaderEvent) => boolean): Promise<ReaderEvent> {
  return new Promise((resolve) => {
    const poll = () => {
      const hit = events.find(predicate);
      if (hit) resolve(hit);
      else setTimeout(poll, 5);
    };
    poll();
  });
}

async function startMonitor() {
  const slot = new CardSlot('Slot 0');
  const source = new InProcessReaderSource([slot]);
  const monitor = new ReaderMonitor(source, { trust: await testTrust() });
  const events: ReaderEvent[] = [];
  monitor.on((e) => events.push(e));
  monitor.start();
  return { slot, monitor, events };
}

describe('certificate grace (PRODUCT.md §3.2)', () => {
  it('runs to the last day of the third month after the JST month of notAfter', () => {
    expect(graceLastDay(new Date('2025-01-15T14:59:59Z'))).toBe('2025-04-30');
    expect(graceLastDay(new Date('2024-11-30T14:59:59Z'))).toBe('2025-02-28');
    // 23:59:59 JST on 2024-10-31 is still October in Japan although UTC says the same day.
    expect(graceLastDay(new Date('2024-10-31T14:59:59Z'))).toBe('2025-01-31');
    expect(isWithinGrace(new Date('2025-01-15T14:59:59Z'), new Date('2025-04-30T14:59:59Z'))).toBe(true);
    expect(isWithinGrace(new Date('2025-01-15T14:59:59Z'), new Date('2025-04-30T15:00:00Z'))).toBe(false);
  });
});

describe('reader monitor', () => {
  it('emits card-inserted then card-read with certificate facts, and keeps the session for a PIN signature', async () => {
    const { slot, monitor, events } = await startMonitor();
    slot.insert(await createPersonaCard('normal-adult'));
    const read = await until(events, (e) => e.type === 'card-read' || e.type === 'card-error');
    expect(events[0]).toMatchObject({ type: 'reader-added' });
    expect(events.find((e) => e.type === 'card-inserted')).toMatchObject({ atrHex: '3BE000FF8131FE4514' });
    if (read.type !== 'card-read') throw new Error(`expected card-read, got ${JSON.stringify(read)}`);
    expect(read.facts.apdus).toBe(2 + Math.ceil(read.facts.certificate.der.length / 256));
    expect(await read.session.verifyPin('1234')).toEqual({ status: 'verified' });
    expect((await read.session.signNonce(Uint8Array.of(1, 2, 3))).length).toBe(256);
    slot.remove();
    await until(events, (e) => e.type === 'card-removed');
    await expect(read.session.pinTries()).rejects.toMatchObject({ reason: 'CARD_REMOVED' });
    await monitor.stop();
  });

  it.each([
    ['cert-expired', 'E-CARD-005'],
    ['broken-chip', 'E-CARD-008'],
  ])('reports %s as card-error %s and is ready for the next card', async (persona, code) => {
    const { slot, monitor, events } = await startMonitor();
    slot.insert(await createPersonaCard(persona));
    expect(await until(events, (e) => e.type === 'card-error')).toMatchObject({ error: { code } });
    slot.remove();
    slot.insert(await createPersonaCard('cert-grace'));
    expect(await until(events, (e) => e.type === 'card-read')).toMatchObject({ facts: { token: 'my-number-card' } });
    await monitor.stop();
  });

  it('ends cleanly when the card is pulled after each single APDU of the read, then reads the next card', async () => {
    const { slot, monitor, events } = await startMonitor();
    const apdusInRead = 6; // 2 identify + 4 certificate chunks for these test certificates
    for (let k = 1; k <= apdusInRead; k++) {
      events.length = 0;
      const card = new PullableCard(await createPersonaCard('normal-adult'), () => slot.remove());
      card.pullAfter(k);
      slot.insert(card);
      await until(events, (e) => e.type === 'card-removed');
      // Cut short, the read reports the removal, before card-removed; after its last APDU it may have completed.
      const seen = events.map((e) => (e.type === 'card-error' ? `card-error:${e.error.reason}` : e.type));
      if (k < apdusInRead) expect(seen).toEqual(['card-inserted', 'card-error:CARD_REMOVED', 'card-removed']);
      else expect([['card-inserted', 'card-read', 'card-removed'], ['card-inserted', 'card-error:CARD_REMOVED', 'card-removed']]).toContainEqual(seen);
      const removed = events.length;
      slot.insert(await createPersonaCard('normal-adult'));
      await until(events, (e) => e.type === 'card-read' && events.indexOf(e) >= removed);
      slot.remove();
      await until(events, (e) => e.type === 'card-removed' && events.indexOf(e) > removed);
    }
    await monitor.stop();
  });

  it.each(SESSION_SEQUENCES.map((q) => [q.name, q] as const))('ends "%s" cleanly when the card is pulled after each of its APDUs', async (_name, sequence) => {
    const { slot, monitor, events } = await startMonitor();
    const read = async (card: PullableCard) => {
      const before = events.length;
      slot.insert(card);
      const e = await until(events, (x) => events.indexOf(x) >= before && (x.type === 'card-read' || x.type === 'card-error'));
      if (e.type !== 'card-read') throw new Error(`expected card-read, got ${JSON.stringify(e)}`);
      return e.session;
    };
    const fresh = async () => new PullableCard(await createPersonaCard(sequence.persona), () => slot.remove());
    // Count the sequence's APDUs on an untouched card first.
    const whole = await read(await fresh());
    const start = whole.apduCount;
    await sequence.run(whole);
    const length = whole.apduCount - start;
    slot.remove();
    expect(length).toBeGreaterThan(0);
    for (let k = 1; k <= length; k++) {
      const card = await fresh();
      const session = await read(card);
      const removedBefore = events.filter((e) => e.type === 'card-removed').length;
      card.pullAfter(k);
      const outcome = await sequence.run(session).then(
        () => 'completed',
        (e: unknown) => e,
      );
      if (k < length) expect(outcome).toMatchObject({ reason: 'CARD_REMOVED' });
      await until(events, () => events.filter((e) => e.type === 'card-removed').length > removedBefore);
    }
    await read(await fresh());
    await monitor.stop();
  });
});
