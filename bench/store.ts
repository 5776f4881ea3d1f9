/**
 * Store benchmark: `npm run bench:store`. Real files in a temp folder, WAL + synchronous=FULL, so
 * the numbers include the fsyncs that make each write durable. Each measurement has a peer in the
 * same process: the same write without the property that costs (hash chain, atomic rename).
 * Last line: store-bench: audit_append_p50_us=<n> queue_roundtrip_p50_ms=<n> xml_write_p50_ms=<n>
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { openKioskStore } from '../src/main/store/kiosk-store.js';
import { PendingQueue } from '../src/main/store/pending-queue.js';
import { ReceiptWriter } from '../src/main/qualification/receipt-writer.js';
import { encodeReceipt, receiptFileName, type ReceiptRecord } from '../src/main/qualification/receipt-xml.js';
import { Registry, registrySeedSchema } from '../sim/oqs/registry.js';
import seed from '../sim/oqs/registry.seed.json' with { type: 'json' };

const ROUNDS = { audit: 400, queue: 150, xml: 150 };

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(rounds: number, body: (i: number) => void): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    body(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
try {
  const store = openKioskStore(join(dir, 'kiosk.sqlite'));

  const auditMs = time(ROUNDS.audit, (i) => store.audit.append('bench.event', { i, validity: 1 }));
  const plain = store.db.prepare('INSERT INTO trouble_counts (category, day, count) VALUES (?, ?, 1)');
  const plainMs = time(ROUNDS.audit, (i) => plain.run('bench', String(i)));
  console.log(`audit append (hash chain)   p50 ${(auditMs * 1000).toFixed(0)} us; plain insert p50 ${(plainMs * 1000).toFixed(0)} us; ratio ${(auditMs / plainMs).toFixed(2)}`);

  const queue = new PendingQueue(store.db, z.object({ kana: z.string() }), z.object({ validity: z.number() }));
  const queueMs = time(ROUNDS.queue, (i) => {
    queue.enqueue(`bench-${i}`, { kana: 'ベンチ タロウ' });
    const item = queue.claim(60_000)!;
    queue.complete(item.id, { validity: 1 });
  });
  console.log(`queue enqueue+claim+complete p50 ${queueMs.toFixed(2)} ms (3 durable transactions)`);

  const response = { requestId: 'bench', processedAtMs: Date.now(), notice: null, ...new Registry(registrySeedSchema.parse(seed)).lookup(['valid-limit-a03'], '20261126') };
  const record = (i: number): ReceiptRecord => ({
    requestId: `bench-${String(i).padStart(6, '0')}`,
    medicalInstitutionCode: '1312345678',
    visitedAtMs: Date.now(),
    response,
    consent: { items: ['medication'], givenAtMs: Date.now() },
    prescription: 'paper',
  });
  const writer = new ReceiptWriter(join(dir, 'face'));
  const xmlMs = time(ROUNDS.xml, (i) => writer.write(record(i)));
  const directDir = join(dir, 'direct');
  mkdirSync(directDir);
  const directMs = time(ROUNDS.xml, (i) => writeFileSync(join(directDir, receiptFileName(record(i))), encodeReceipt(record(i))));
  console.log(`xml write (atomic, fsync)   p50 ${xmlMs.toFixed(2)} ms; plain writeFileSync p50 ${directMs.toFixed(2)} ms; ratio ${(xmlMs / directMs).toFixed(2)}`);

  store.close();
  console.log(`store-bench: audit_append_p50_us=${Math.round(auditMs * 1000)} queue_roundtrip_p50_ms=${queueMs.toFixed(2)} xml_write_p50_ms=${xmlMs.toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
