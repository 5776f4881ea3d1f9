/**
 * The whole face-mode card step on real parts: the virtual card inserted through REAL pcscd +
 * vsmartcard-vpcd (a private pcscd on its own vpcd port, so the card tests' and the demo's slots
 * are untouched), the virtual scanner showing that persona's card front, the real OCR, 照合番号B,
 * VERIFY on 券面事項確認AP, the card-face record read, and its JP2 photo decoded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardError } from '../../../src/main/card/card-error.js';
import type { CardFaceRead } from '../../../src/main/card/kenkaku.js';
import type { CardSession } from '../../../src/main/card/card-session.js';
import { PcscReaderSource } from '../../../src/main/card/pcsc-reader-source.js';
import type { ReaderEvent } from '../../../src/main/card/reader-events.js';
import { ReaderMonitor } from '../../../src/main/card/reader-monitor.js';
import { calendarDateOf } from '../../../src/main/cardface/calendar-date.js';
import { CardFaceReader } from '../../../src/main/cardface/card-face-reader.js';
import { unlockWithCardFace } from '../../../src/main/cardface/unlock-with-card-face.js';
import { VerificationBTryGuard } from '../../../src/main/cardface/wrong-try-guard.js';
import { decodeChipPhoto } from '../../../src/main/face/jp2-decode.js';
import { CardSlot } from '../../../sim/card/card-slot.js';
import { createPersonaCard } from '../../../sim/card/persona-card.js';
import { loadPersona } from '../../../sim/card/persona.js';
import { VpcdLink } from '../../../sim/card/vpcd-link.js';
import type { CardFacePrintedFields } from '../../../sim/cardface/printed-fields.js';
import { printedFieldsOfPersona } from '../../../sim/cardface/sim-card-persona.js';
import { VirtualCardFaceScanner } from '../../../sim/cardface/virtual-scanner.js';
import { testCaCertificates } from '../../../sim/pki/test-pki.js';
import { PrivatePcscd } from '../ops/private-pcscd.js';

const TODAY = calendarDateOf(new Date());
const isWrongVerificationB = (e: unknown) => e instanceof CardError && e.reason === 'COLLATION_REJECTED';

let pcscd: PrivatePcscd | undefined;
let unavailable = '';
let slot: CardSlot;
let link: VpcdLink;
let source: PcscReaderSource;
let monitor: ReaderMonitor;
let reader: CardFaceReader;
const events: ReaderEvent[] = [];

async function next<T extends ReaderEvent['type']>(types: readonly T[], from: number): Promise<Extract<ReaderEvent, { type: T }>> {
  const until = Date.now() + 20_000;
  for (;;) {
    const hit = events.slice(from).find((e) => (types as readonly string[]).includes(e.type));
    if (hit) return hit as Extract<ReaderEvent, { type: T }>;
    if (Date.now() > until) throw new Error(`no ${types.join('/')} event; saw ${events.slice(from).map((e) => e.type).join(',')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function insert(personaId: string): Promise<CardSession> {
  const from = events.length;
  slot.insert(await createPersonaCard(personaId));
  await link.settled();
  const e = await next(['card-read', 'card-error'], from);
  if (e.type !== 'card-read') throw new Error(`${personaId}: expected card-read, got ${e.type}`);
  return e.session;
}

async function remove(): Promise<void> {
  const from = events.length;
  slot.remove();
  await link.settled();
  await next(['card-removed'], from);
}

beforeAll(async () => {
  const started = await PrivatePcscd.startOutsideCiSkip();
  if ('unavailable' in started) {
    unavailable = started.unavailable;
    return;
  }
  pcscd = started.pcscd;
  process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;
  slot = new CardSlot('cardface');
  link = new VpcdLink(slot, { port: pcscd.vpcdPort });
  source = new PcscReaderSource();
  monitor = new ReaderMonitor(source, { trust: { authCas: [(await testCaCertificates()).auth] } });
  monitor.on((e) => events.push(e));
  monitor.start();
  await next(['reader-added'], 0);
  reader = await CardFaceReader.load();
}, 60_000);

afterAll(async () => {
  if (!pcscd) return;
  slot.remove();
  await link.close();
  await monitor.stop();
  await source.close();
  await reader?.release();
  await pcscd.dispose();
});

describe('face mode card step through pcscd + vpcd', () => {
  it('scan → OCR → 照合番号B → VERIFY → card-face record → JP2 photo decoded', { timeout: 120_000 }, async (ctx) => {
    if (!pcscd) return ctx.skip(`pcscd cannot be started here: ${unavailable}`);
    const persona = loadPersona('normal-adult');
    const printed = await printedFieldsOfPersona(persona);
    const session = await insert(persona.id);
    const guard = new VerificationBTryGuard();
    guard.cardInserted();
    const outcome = await unlockWithCardFace<CardFaceRead>({
      scanner: new VirtualCardFaceScanner({ insertedCard: () => printed, severity: 0.4, seed: 3 }),
      reader,
      guard,
      today: TODAY,
      present: (b) => session.readCardFace(b),
      isWrongVerificationB,
    });
    if (!outcome.ok) throw new Error(`unlock failed: ${outcome.code} ${outcome.reason}`);
    expect(outcome.wrongTries).toBe(0);
    // The chip's record agrees with what the OCR read off the front.
    expect(outcome.result.record.birthDate).toBe(persona.printed.birthDate);
    expect(outcome.result.record.cardExpiry.slice(0, 4)).toBe(String(outcome.fields.expiryDate.year));
    const photo = await decodeChipPhoto(outcome.result.record.facePhotoJp2);
    expect([photo.width, photo.height]).toEqual([printed.photo.width, printed.photo.height]);
    await remove();
  });

  it('a misprinted front is refused by the card at most twice per insertion, then PIN/目視 is offered', { timeout: 120_000 }, async (ctx) => {
    if (!pcscd) return ctx.skip(`pcscd cannot be started here: ${unavailable}`);
    const persona = loadPersona('normal-adult');
    const printed = await printedFieldsOfPersona(persona);
    // Each capture shows a different wrong code, so only the guard can stop the tries.
    let capture = 0;
    const misprinted = (): CardFacePrintedFields => ({ ...printed, securityCode: String((Number(printed.securityCode) + 1 + capture++) % 10_000).padStart(4, '0') });
    const session = await insert(persona.id);
    const guard = new VerificationBTryGuard();
    guard.cardInserted();
    let presented = 0;
    const deps = {
      scanner: new VirtualCardFaceScanner({ insertedCard: misprinted, severity: 0.2, seed: 4 }),
      reader,
      guard,
      today: TODAY,
      present: (b: string) => {
        presented++;
        return session.readCardFace(b);
      },
      isWrongVerificationB,
    };
    expect(await unlockWithCardFace(deps)).toMatchObject({ ok: false, code: 'E-CFS-005', wrongTries: 2 });
    expect(await unlockWithCardFace(deps)).toMatchObject({ ok: false, code: 'E-CFS-005' });
    expect(presented).toBe(2);
    await remove();
  });
});
