/**
 * Issue 8: "a self-test button (reads a card if one is present, runs the face model on a built-in
 * image, pings the service)". The card step reads a real persona card (in-process reader, the
 * same card code as PC/SC) only at standby; each step ends green, red with its staff code, or
 * skipped with the reason, and a step that hangs is cut off with E-OPS-016.
 */
import { describe, expect, it } from 'vitest';
import { InProcessReaderSource } from '../../../src/main/card/inprocess-reader-source.js';
import { KioskError } from '../../../src/shared/errors.js';
import { runSelfTest, type SelfTestDeps } from '../../../src/main/ops/self-test.js';
import { CardPresence, probeCard } from '../../../src/main/ops/self-test-card.js';
import { CardSlot } from '../../../sim/card/card-slot.js';
import { createPersonaCard } from '../../../sim/card/persona-card.js';
import { testTrust } from '../../../sim/pki/test-pki.js';

const READER = 'Test Slot 0';

async function reader() {
  const slot = new CardSlot(READER);
  const source = new InProcessReaderSource([slot]);
  const calls = { connect: 0, disconnect: 0 };
  const counted = {
    connect: async (name: string) => {
      calls.connect++;
      const transport = await source.connect(name);
      return { transmit: (apdu: Uint8Array) => transport.transmit(apdu), disconnect: () => (calls.disconnect++, transport.disconnect()) };
    },
  };
  const presence = new CardPresence(source);
  const trust = await testTrust();
  return { slot, presence, trust, source: counted, calls };
}

describe('self-test card step', () => {
  it('reads the certificate of a card lying on the reader at standby, PIN-free, and names its expiry', async () => {
    const r = await reader();
    r.slot.insert(await createPersonaCard('normal-adult'));
    const result = await probeCard({ ...r, idle: () => true });
    expect(result).toMatchObject({ outcome: 'read', ms: expect.any(Number), certificateNotAfter: expect.any(Date) });
    // The card is powered down again (UNPOWER), as after every visit.
    expect(r.calls).toEqual({ connect: 1, disconnect: 1 });
  });

  it('leaves the card alone while a patient is at the kiosk, and says when there is no card', async () => {
    const r = await reader();
    r.slot.insert(await createPersonaCard('normal-adult'));
    expect(await probeCard({ ...r, idle: () => false })).toEqual({ outcome: 'skipped', reason: 'patient-present' });
    r.slot.remove();
    expect(await probeCard({ ...r, idle: () => true })).toEqual({ outcome: 'skipped', reason: 'no-card' });
    expect(r.calls.connect).toBe(0);
  });

  it('a card the kiosk cannot use is red with the card module\'s code', async () => {
    const r = await reader();
    r.slot.insert(await createPersonaCard('normal-adult'));
    // Another JPKI than the one configured: the chain check refuses the certificate.
    const untrusted = probeCard({ ...r, trust: { authCas: [] }, idle: () => true });
    await expect(untrusted).rejects.toMatchObject({ code: expect.stringMatching(/^E-CARD-\d{3}$/) });
    r.slot.remove();
    r.slot.insert(await createPersonaCard('broken-chip'));
    await expect(probeCard({ ...r, idle: () => true })).rejects.toMatchObject({ code: expect.stringMatching(/^E-CARD-\d{3}$/) });
  });
});

describe('self-test steps', () => {
  const base: SelfTestDeps = {
    card: async () => ({ outcome: 'skipped', reason: 'no-card' }),
    face: async () => ({ ms: 40, embeddingLength: 192 }),
    service: { name: 'service', run: async () => ({ ok: true }) },
    now: () => new Date('2025-01-06T01:00:00Z'),
  };

  it('card, face model and service in that order, each with its outcome', async () => {
    const result = await runSelfTest(base);
    expect(result.steps).toEqual([
      { name: 'card', outcome: 'skipped', reason: 'no-card' },
      { name: 'face', outcome: 'ok', ms: 40 },
      { name: 'service', outcome: 'ok', ms: expect.any(Number) },
    ]);
  });

  it('a failing step is red with its code and the others still run', async () => {
    const result = await runSelfTest({
      ...base,
      face: async () => {
        throw new KioskError('E-OPS-023', '顔を検出できません / no face');
      },
      service: { name: 'service', run: async () => ({ ok: false, code: 'E-OPS-014', message: 'unreachable' }) },
    });
    expect(result.steps.map((s) => [s.name, s.outcome, 'code' in s ? s.code : null])).toEqual([
      ['card', 'skipped', null],
      ['face', 'failed', 'E-OPS-023'],
      ['service', 'failed', 'E-OPS-014'],
    ]);
  });

  it('a step that never answers is cut off with E-OPS-016, and an unexpected throw is E-OPS-016 too', async () => {
    const result = await runSelfTest({
      ...base,
      card: () => new Promise(() => undefined),
      face: async () => {
        throw new Error('worker crashed');
      },
      stepTimeoutMs: 50,
    });
    expect(result.steps[0]).toMatchObject({ name: 'card', outcome: 'failed', code: 'E-OPS-016', message: expect.stringContaining('no answer in 50 ms') });
    expect(result.steps[1]).toMatchObject({ name: 'face', outcome: 'failed', code: 'E-OPS-016', message: expect.stringContaining('worker crashed') });
  });
});
