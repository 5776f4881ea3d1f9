/**
 * The diagnostics self-test with real parts: the demo card on vpcd slot 1 read through pcscd
 * (the PIN-free token + certificate read of every insertion), the real face models run on the
 * photo face-api ships, and a service answering HTTP. Then the red cases staff may meet: a broken
 * chip, a model that finds no face, a missing built-in image.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PcscReaderSource } from '../../../src/main/card/pcsc-reader-source.js';
import { runSelfTest } from '../../../src/main/ops/self-test.js';
import { CardPresence, probeCard } from '../../../src/main/ops/self-test-card.js';
import { builtInFaceImagePath, probeFaceModel } from '../../../src/main/ops/self-test-face.js';
import { serviceCheck } from '../../../src/main/ops/system-checks.js';
import { CardSlot } from '../../../sim/card/card-slot.js';
import { createPersonaCard } from '../../../sim/card/persona-card.js';
import { VPCD_BASE_PORT, VpcdLink } from '../../../sim/card/vpcd-link.js';
import { testTrust } from '../../../sim/pki/test-pki.js';
import { SKIP_FACE_INTEGRATION } from '../face/support/models.js';
import { lockVpcdSlot, requirePcscdOutsideCiSkip } from '../support/pcscd.js';

const READER = 'Virtual PCD 00 01';
const pcscdReady = await requirePcscdOutsideCiSkip();

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!pcscdReady || SKIP_FACE_INTEGRATION)('self-test through pcscd + vpcd and the real face models', () => {
  const slot = new CardSlot('vpcd slot 1');
  const link = new VpcdLink(slot, { port: VPCD_BASE_PORT + 1 });
  let source: PcscReaderSource;
  let presence: CardPresence;
  let unlock: (() => void) | undefined;
  let service: Server;
  let serviceUrl: string;

  beforeAll(async () => {
    unlock = await lockVpcdSlot(1);
    source = new PcscReaderSource({ readerFilter: (name) => name.startsWith(READER) });
    presence = new CardPresence(source);
    await until(() => source.readers().length > 0, 'the vpcd reader');
    service = createServer((_, response) => response.end('ok'));
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    const address = service.address();
    serviceUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  }, 330_000);

  afterAll(async () => {
    slot.remove();
    await link.close();
    presence?.close();
    await source?.close();
    unlock?.();
    await new Promise((resolve) => service?.close(resolve));
  });

  async function place(persona: string): Promise<void> {
    slot.insert(await createPersonaCard(persona));
    await link.settled();
    await until(() => presence.reader() !== undefined, 'the card on the reader');
  }

  async function take(): Promise<void> {
    slot.remove();
    await link.settled();
    await until(() => presence.reader() === undefined, 'the card gone');
  }

  it('at standby with the demo card: card read, face found with an embedding, service answering: all green', async () => {
    await place('normal-adult');
    const trust = await testTrust();
    const result = await runSelfTest({
      card: () => probeCard({ source, presence, trust, idle: () => true }),
      face: () => probeFaceModel(),
      service: serviceCheck(() => serviceUrl),
      now: () => new Date(),
    });
    expect(result.steps).toEqual([
      { name: 'card', outcome: 'ok', ms: expect.any(Number), certificateNotAfter: expect.any(Date) },
      { name: 'face', outcome: 'ok', ms: expect.any(Number) },
      { name: 'service', outcome: 'ok', ms: expect.any(Number) },
    ]);
    // The persona's certificate runs about 1500 days from today (its own notAfter, read off the chip).
    const card = result.steps[0] as { certificateNotAfter: Date };
    const days = (card.certificateNotAfter.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1400);
    expect(days).toBeLessThan(1600);
    // The card was powered down again: the next read (the kiosk's, or another self-test) works.
    await expect(probeCard({ source, presence, trust, idle: () => true })).resolves.toMatchObject({ outcome: 'read' });
    await take();
    expect(await probeCard({ source, presence, trust, idle: () => true })).toEqual({ outcome: 'skipped', reason: 'no-card' });
  }, 60_000);

  it('a broken chip is red with the card code staff look up (E-CARD-008)', async () => {
    await place('broken-chip');
    await expect(probeCard({ source, presence, trust: await testTrust(), idle: () => true })).rejects.toMatchObject({ code: 'E-CARD-008' });
    await take();
  }, 30_000);
});

describe.skipIf(SKIP_FACE_INTEGRATION)('self-test face step, red cases (real models)', () => {
  it('face step: the built-in image ships with the packages; no face → E-OPS-023, no image → E-OPS-022', async () => {
    expect(builtInFaceImagePath()).toMatch(/@vladmandic\/face-api\/demo\/sample1\.jpg$/);
    const dir = mkdtempSync(join(tmpdir(), 'self-test-'));
    try {
      const blank = new PNG({ width: 320, height: 240 });
      blank.data.fill(200);
      writeFileSync(join(dir, 'blank.png'), PNG.sync.write(blank));
      await expect(probeFaceModel(join(dir, 'blank.png'))).rejects.toMatchObject({ code: 'E-OPS-023' });
      await expect(probeFaceModel(join(dir, 'missing.jpg'))).rejects.toMatchObject({ code: 'E-OPS-022' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
