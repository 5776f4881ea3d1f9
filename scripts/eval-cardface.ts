/**
 * Card-face OCR evaluation: renders virtual card fronts (synthetic personas across eras, plus the
 * virtual card's personas when their fixtures are built) under random scan conditions, reads each
 * once, and compares the 照合番号B with the truth.
 *
 *   npm run eval:cardface [-- --cards 500 --seed 1]
 *
 * exact: the right 照合番号B; wrong: a confident but incorrect one (the number that matters: a
 * wrong try may spend the card's counter); rejected: the reader declined (the flow rescans).
 * p50_ms is OCR time per card (rendering excluded), median.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { collationNumberB } from '../src/main/card/collation-number.js';
import { calendarDateOf } from '../src/main/cardface/calendar-date.js';
import { CardFaceReader } from '../src/main/cardface/card-face-reader.js';
import { verificationNumberB } from '../src/main/cardface/verification-number-b.js';
import { listPersonas } from '../sim/card/persona.js';
import { generatePersona } from '../sim/cardface/personas.js';
import type { CardFacePrintedFields } from '../sim/cardface/printed-fields.js';
import { renderCardFront } from '../sim/cardface/render-card-front.js';
import { createRng } from '../sim/cardface/rng.js';
import { randomScanConditions } from '../sim/cardface/scan-conditions.js';
import { printedFieldsOfPersona } from '../sim/cardface/sim-card-persona.js';

const { values } = parseArgs({ options: { cards: { type: 'string', default: '500' }, seed: { type: 'string', default: '1' } } });
const cards = Number(values.cards);
const rng = createRng(Number(values.seed));
const today = calendarDateOf(new Date());

function truth(f: CardFacePrintedFields): string {
  const iso = `${f.birthDate.year}-${String(f.birthDate.month).padStart(2, '0')}-${String(f.birthDate.day).padStart(2, '0')}`;
  return collationNumberB({ birthDate: iso, cardExpiryYear: f.expiryDate.year, securityCode: f.securityCode, nationality: f.birthPrintedWestern ? 'foreign' : 'JP' });
}

async function simCardPersonas(): Promise<CardFacePrintedFields[]> {
  try {
    return await Promise.all(listPersonas().map(printedFieldsOfPersona));
  } catch (error) {
    console.log(`sim/card personas left out (${error instanceof Error ? error.message : String(error)})`);
    return [];
  }
}

const loadAtStart = loadavg()[0] ?? 0;
const fixed = await simCardPersonas();
const reader = await CardFaceReader.load();
let exact = 0;
let wrong = 0;
let rejected = 0;
const reasons = new Map<string, number>();
const times: number[] = [];
for (let i = 0; i < cards; i++) {
  // Every 10th card is one of the virtual card's personas (when built); the rest are synthetic.
  const fields = i % 10 === 0 && fixed.length > 0 ? (fixed[(i / 10) % fixed.length] as CardFacePrintedFields) : generatePersona(rng, today, `eval-${i}`).fields;
  const image = renderCardFront(fields, randomScanConditions(rng, rng.next()));
  const started = performance.now();
  const reading = await reader.read(image, today);
  times.push(performance.now() - started);
  if (!reading.ok) {
    rejected++;
    reasons.set(reading.reason, (reasons.get(reading.reason) ?? 0) + 1);
  } else if (verificationNumberB(reading.fields) === truth(fields)) exact++;
  else {
    wrong++;
    console.log(`wrong: card ${i} confidence ${reading.confidence.toFixed(3)}`);
  }
}
await reader.release();
times.sort((a, b) => a - b);
const pct = (n: number): string => ((100 * n) / cards).toFixed(2);
// The machine is shared: the load average says how much the medians are worth.
console.log(`load average (1 min): start ${loadAtStart.toFixed(1)}, end ${(loadavg()[0] ?? 0).toFixed(1)} on 2 cores`);
console.log(`rejections: ${[...reasons].map(([r, n]) => `${r}=${n}`).join(' ') || 'none'}`);
console.log(`cardface-eval: cards=${cards} exact=${pct(exact)} wrong=${pct(wrong)} rejected=${pct(rejected)} p50_ms=${Math.round(times[Math.floor(times.length / 2)] ?? 0)}`);
