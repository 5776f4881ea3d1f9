/**
 * PRODUCT.md §3.5 "keep the reception going, queue what it could not confirm, and confirm it
 * later without losing anything": the service stops mid-run, 20 patients are received, the
 * service comes back, and every patient ends confirmed with a レセコン file and an intact audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SEED, startHarness, type Harness } from './sim-harness.js';
import type { TestCard } from './test-pki.js';
import { startSimulator, type RunningSimulator } from '../../../sim/oqs/server.js';
import { openKioskStore, type KioskStore } from '../../../src/main/store/kiosk-store.js';
import { ReceiptWriter } from '../../../src/main/qualification/receipt-writer.js';
import { ConfirmationService, type ReceptionOutcome } from '../../../src/main/qualification/confirmation-service.js';
import type { IdentityMethod } from '../../../src/main/qualification/protocol.js';

let h: Harness;
let dir: string;
let store: KioskStore;
let restarted: RunningSimulator | undefined;

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'outage-'));
  store = openKioskStore(join(dir, 'kiosk.sqlite'));
  store.settings.set('medicalInstitutionCode', '1312345678');
});
afterAll(async () => {
  store.close();
  await restarted?.close();
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const people = SEED.people.filter((p) => !p.id.startsWith('duplicate-b'));

/** What a real session holds in memory and must never persist (PRODUCT.md §3.8). */
const PIN = '7294';
/** File signatures of the image formats a camera frame or chip photo would be stored in. */
const IMAGE_MAGIC = {
  jpeg: Buffer.from([0xff, 0xd8, 0xff]),
  jp2: Buffer.from([0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
};

/** The card signs only after the right PIN (the card checks it; the kiosk only forwards it). */
function pinSigner(card: TestCard, entered: string) {
  return (nonce: string) => (entered === PIN ? card.sign(nonce) : Promise.reject(new Error('wrong PIN')));
}

/** Every string value and key of every JSON cell in the database. */
function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => jsonStrings(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      jsonStrings(v, out);
    }
  }
  return out;
}

describe('outage: the service stops mid-run and comes back', () => {
  it('receives 20 patients, queues what it cannot confirm, and confirms all 20 after the restart', async () => {
    const receipts = join(dir, 'face');
    const service = new ConfirmationService({
      store,
      gateway: h.gateway({ timeoutMs: 2_000, maxAttempts: 2 }),
      attester: h.attester,
      receipts: new ReceiptWriter(receipts),
      leaseMs: 5_000,
    });
    const outcomes: ReceptionOutcome[] = [];
    for (let i = 0; i < 20; i++) {
      if (i === 3) await h.sim.close(); // the service goes down after the third patient
      const person = people[i % people.length]!;
      const card = h.cards.get(person.id)!;
      const method: IdentityMethod = i % 2 === 0 ? 'pin' : 'face';
      outcomes.push(
        await service.confirm({
          requestId: randomUUID(),
          certificateDer: card.der,
          method,
          verifiedAtMs: Date.now(),
          consent: i % 5 === 4 ? null : { items: ['medication'], givenAtMs: Date.now() },
          prescription: 'paper',
                ...(method === 'pin' ? { cardSigner: pinSigner(card, PIN) } : {}),
          // Patient 5 declares 3割 but is 2割: staff must see that change after the outage.
          provisional: { nameKana: person.nameKana, declaredRatio: person.id === 'valid-child-20' ? '030' : null },
        }),
      );
    }
    // Reception never stopped: 3 confirmed live, 17 queued with what staff need to see now.
    expect(outcomes.map((o) => o.kind)).toEqual([...Array(3).fill('confirmed'), ...Array(17).fill('queued')]);
    const pending = service.pending();
    expect(pending).toHaveLength(17);
    expect(pending[0]).toMatchObject({ status: 'pending', nameKana: people[3]!.nameKana });
    expect(readdirSync(receipts)).toHaveLength(3);
    expect(await service.drain()).toMatchObject({ confirmed: 0, stillDown: true });

    // The service comes back on the same address with the same configuration.
    restarted = await startSimulator(h.config, { port: h.sim.port });
    const stop = service.startAutoDrain(50);
    try {
      await expect.poll(() => service.pending().length, { timeout: 20_000, interval: 100 }).toBe(0);
    } finally {
      stop();
    }

    const deferred = service.deferredResults();
    expect(deferred).toHaveLength(17);
    expect(deferred.every((d) => d.view.status === 'confirmed')).toBe(true);
    const shareChange = deferred.flatMap((d) => d.changes).find((c) => c.field === '負担割合');
    expect(shareChange).toEqual({ field: '負担割合', before: '3割 (申告)', after: '2割' });

    const files = readdirSync(receipts);
    expect(files).toHaveLength(20);
    expect(files.every((f) => /^OQSsiquc01res_face_[0-9a-f]{32}_\d{14}\.xml$/.test(f))).toBe(true);
    const events = store.audit.entries();
    expect(events.filter((e) => e.kind === 'qualification.confirmed')).toHaveLength(20);
    expect(events.filter((e) => e.kind === 'qualification.queued')).toHaveLength(17);
    expect(store.audit.verify()).toMatchObject({ ok: true });
    expect(store.troubles.totals('2000-01-01', '2999-12-31').serviceOutage).toBe(17);
  });

  it('left no PIN, face image or My Number in the database or the レセコン files', () => {
    const cells: string[] = [];
    for (const [table, column] of [['audit_log', 'detail'], ['pending_queue', 'payload'], ['pending_queue', 'result'], ['settings', 'value'], ['consents', 'items']] as const) {
      for (const cell of store.db.prepare(`SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL`).pluck().all() as string[]) {
        cells.push(...jsonStrings(JSON.parse(cell)));
      }
    }
    expect(cells.length).toBeGreaterThan(100);
    // Keys name no secret; no value is the PIN ("pin" as the identity method is fine).
    expect(cells.filter((v) => v === PIN)).toEqual([]);
    const keys = store.db.prepare('SELECT detail FROM audit_log').pluck().all().flatMap((d) => Object.keys(JSON.parse(d as string) as object));
    expect(keys.filter((k) => /pin|image|photo|frame|mynumber/i.test(k))).toEqual([]);
    const files = ['kiosk.sqlite', 'kiosk.sqlite-wal'].map((f) => join(dir, f)).filter(existsSync);
    files.push(...readdirSync(join(dir, 'face')).map((f) => join(dir, 'face', f)));
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const [format, magic] of Object.entries(IMAGE_MAGIC)) expect(bytes.includes(magic), `${file} holds a ${format} image`).toBe(false);
    }
  });
});
