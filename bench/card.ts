/**
 * Face-path card read benchmark: token + user-auth certificate + card-face record with the face
 * photo, 20 times through real pcscd + vpcd and 20 times in-process, on the same virtual card.
 * Peer in the same run: a single SELECT round trip through pcscd, times the APDU count, is the
 * lower bound any read of this many APDUs could reach on this link.
 * Last line: card-bench: pcsc_p50_ms=<n> inproc_p50_ms=<n> apdus=<n> bytes=<n>
 */
import { performance } from 'node:perf_hooks';
import { CardChannel } from '../src/main/card/card-channel.js';
import { AID, selectApplication } from '../src/main/card/card-commands.js';
import { InProcessReaderSource } from '../src/main/card/inprocess-reader-source.js';
import { identifyCard, readAuthCertificate, type JpkiTrust } from '../src/main/card/jpki.js';
import { readCardFace } from '../src/main/card/kenkaku.js';
import { PcscReaderSource } from '../src/main/card/pcsc-reader-source.js';
import type { CardReaderSource } from '../src/main/card/transport.js';
import { CardSlot } from '../sim/card/card-slot.js';
import { createPersonaCard } from '../sim/card/persona-card.js';
import { VPCD_BASE_PORT, VpcdLink } from '../sim/card/vpcd-link.js';
import { testTrust } from '../sim/pki/test-pki.js';
import { collationFor } from '../tests/unit/card/read-sequences.js';
import { ensurePcscd, lockVpcdSlot } from '../tests/integration/support/pcscd.js';

const RUNS = 20;
const PERSONA = 'normal-adult';
const READER = 'Virtual PCD 00 01';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function facePathRead(source: CardReaderSource, reader: string, trust: JpkiTrust, extended = false) {
  const channel = new CardChannel(await source.connect(reader), { extended });
  try {
    await identifyCard(channel);
    await readAuthCertificate(channel, trust);
    const face = await readCardFace(channel, collationFor(PERSONA));
    if (face.record.facePhotoJp2.length === 0) throw new Error('no photo');
    return { apdus: channel.apduCount, bytes: channel.bytesReceived };
  } finally {
    await channel.disconnect();
  }
}

async function timeRuns(source: CardReaderSource, reader: string, trust: JpkiTrust, extended = false) {
  const times: number[] = [];
  let last = { apdus: 0, bytes: 0 };
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    last = await facePathRead(source, reader, trust, extended);
    times.push(performance.now() - t);
  }
  return { p50: median(times), ...last };
}

async function waitForReader(source: PcscReaderSource, present: boolean): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${READER} never reported the card`)), 15_000);
    const off = source.subscribe((e) => {
      if ((present && e.type === 'card-present') || (!present && e.type === 'reader-added')) {
        clearTimeout(timer);
        queueMicrotask(() => off());
        resolve();
      }
    });
  });
}

async function main(): Promise<void> {
  const trust = await testTrust();

  const slot = new CardSlot('bench');
  slot.insert(await createPersonaCard(PERSONA));
  const inProcess = new InProcessReaderSource([slot]);
  await facePathRead(inProcess, 'bench', trust); // warm-up: JIT, key imports
  const inproc = await timeRuns(inProcess, 'bench', trust);
  console.log(`in-process: p50 ${inproc.p50.toFixed(2)} ms over ${RUNS} runs, ${inproc.apdus} APDUs, ${inproc.bytes} bytes`);

  const status = await ensurePcscd();
  if (!status.ok) {
    console.log(`pcscd unavailable: ${status.reason}`);
    console.log(`card-bench: pcsc_p50_ms=NaN inproc_p50_ms=${inproc.p50.toFixed(1)} apdus=${inproc.apdus} bytes=${inproc.bytes}`);
    return;
  }
  const unlock = await lockVpcdSlot(1);
  const vpcdSlot = new CardSlot('bench vpcd');
  const link = new VpcdLink(vpcdSlot, { port: VPCD_BASE_PORT + 1 });
  const pcsc = new PcscReaderSource({ readerFilter: (n) => n.startsWith(READER) });
  try {
    await waitForReader(pcsc, false);
    const presence = waitForReader(pcsc, true);
    vpcdSlot.insert(await createPersonaCard(PERSONA));
    await link.settled();
    await presence;
    const reader = pcsc.readers()[0]!;
    // Peer: one SELECT round trip, the per-APDU cost of this link.
    const single: number[] = [];
    const channel = new CardChannel(await pcsc.connect(reader));
    for (let i = 0; i < RUNS; i++) {
      channel.markSelected(undefined);
      const t = performance.now();
      await selectApplication(channel, AID.JPKI);
      single.push(performance.now() - t);
    }
    await channel.disconnect();
    const real = await timeRuns(pcsc, reader, trust);
    const floor = median(single) * real.apdus;
    console.log(`pcscd+vpcd: p50 ${real.p50.toFixed(1)} ms over ${RUNS} runs; single-APDU p50 ${median(single).toFixed(1)} ms → lower bound ${floor.toFixed(0)} ms for ${real.apdus} APDUs (ratio ${(real.p50 / floor).toFixed(2)})`);
    console.log(`pcsc/in-process ratio: ${(real.p50 / inproc.p50).toFixed(1)}x`);
    const ext = await timeRuns(pcsc, reader, trust, true);
    console.log(`pcscd+vpcd with extended-length reads (opt-in): p50 ${ext.p50.toFixed(1)} ms, ${ext.apdus} APDUs`);
    console.log(`card-bench: pcsc_p50_ms=${real.p50.toFixed(1)} inproc_p50_ms=${inproc.p50.toFixed(1)} apdus=${real.apdus} bytes=${real.bytes}`);
  } finally {
    vpcdSlot.remove();
    await link.close();
    await pcsc.close();
    unlock();
  }
}

await main();
process.exit(0);
