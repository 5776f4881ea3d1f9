/**
 * Finds and parses the printed fields 照合番号B needs (生年月日, 有効期限, セキュリティコード) and
 * 性別, from recognised lines, using the card layout: the birth line ends in 「生」, the expiry line
 * is the date line right below it, and the security code is the lone 4-digit text under the photo.
 * Anything ambiguous is rejected, never guessed.
 */
import { CARD_LAYOUT, slotCentreY } from './card-layout.js';
import type { CalendarDate } from './calendar-date.js';
import { eraToWestern, type EraName } from './era.js';
import type { RecognizedLine } from './recognized-line.js';

export interface ParsedCardFace {
  readonly birthDate: CalendarDate;
  /** The year digits as printed: the era year for 和暦, the Western year for 西暦. */
  readonly printedBirthYear: { readonly calendar: EraName | 'western'; readonly year: number };
  readonly expiryDate: CalendarDate;
  readonly securityCode: string;
  /** 性別 when it was read; only used to prefill forms, never for 照合番号B. */
  readonly sex: '男' | '女' | null;
  readonly evidence: FieldEvidence;
}

/**
 * Lowest recogniser probability behind each part of the fields (digits; the era as the share of
 * its reading among the valid eras), so validation can weigh parts that confirm each other.
 */
export interface FieldEvidence {
  /** 1 for a Western-printed birth date (no era to read). */
  readonly era: number;
  readonly birthYear: number;
  readonly birthMonthDay: number;
  readonly expiryYear: number;
  readonly expiryMonthDay: number;
  readonly securityCode: number;
}

export type FieldRejection = 'birth-date-not-found' | 'birth-date-ambiguous' | 'birth-date-invalid' | 'expiry-not-found' | 'security-code-not-found' | 'security-code-ambiguous';

export type FieldParse = { readonly ok: true; readonly fields: ParsedCardFace } | { readonly ok: false; readonly reason: FieldRejection };

/**
 * The era's second character is enough to find it (和 成 正 治); its first character is then
 * decided among the eras sharing that second character (昭和 / 令和) by the recogniser's own
 * probabilities, since the general-purpose model often misreads 令 as 今.
 */
const ERA_BIRTH = /(.)(和|成|正|治)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日生/d;
const WESTERN_BIRTH = /(\d{4})年(\d{1,2})月(\d{1,2})日生/d;
const EXPIRY = /(\d{4})年(\d{1,2})月(\d{1,2})日(?!生)/d;
const SECURITY_CODE = /^\d{4}$/;
const SEX = /性[別别]?(男|女)/;
/** The chosen era's first character must have at least this probability of its own. */
const MIN_ERA_EVIDENCE = 0.01;
const ERAS_BY_SECOND: Record<string, readonly EraName[]> = { 和: ['昭和', '令和'], 成: ['平成'], 正: ['大正'], 治: ['明治'] };

const L = CARD_LAYOUT;
/** Layout distances in card units, used to predict where the security code sits. */
const LINE_SPACING = slotCentreY(L.expiry) - slotCentreY(L.birth);
const CODE_OFFSET_U = L.securityCode.x - L.birth.x;
const CODE_OFFSET_V = slotCentreY(L.securityCode) - slotCentreY(L.birth);
/** How far from its predicted place the code may be found, in card units. */
const CODE_TOLERANCE = 110;

interface BirthReading {
  readonly line: RecognizedLine;
  readonly date: CalendarDate | null;
  readonly printedBirthYear: ParsedCardFace['printedBirthYear'];
  readonly evidence: Pick<FieldEvidence, 'era' | 'birthYear' | 'birthMonthDay'>;
}

export function parseCardFaceLines(lines: readonly RecognizedLine[]): FieldParse {
  const births = lines.flatMap((line) => {
    const reading = readBirthLine(line);
    return reading ? [reading] : [];
  });
  if (births.length === 0) return { ok: false, reason: 'birth-date-not-found' };
  if (births.length > 1) return { ok: false, reason: 'birth-date-ambiguous' };
  const birth = births[0] as BirthReading;
  if (!birth.date) return { ok: false, reason: 'birth-date-invalid' };

  const below = lines.filter((l) => l.v > birth.line.v + birth.line.height * 0.5 && l.v - birth.line.v < birth.line.height * 3).sort((x, y) => x.v - y.v);
  const expiryLine = below.find((l) => EXPIRY.test(l.text));
  const expiryMatch = expiryLine ? EXPIRY.exec(expiryLine.text) : null;
  if (!expiryLine || !expiryMatch) return { ok: false, reason: 'expiry-not-found' };
  const [, ey = '', em = '', ed = ''] = expiryMatch;

  // Predict the code's position from the two date lines (their spacing gives the scale).
  const scale = (expiryLine.v - birth.line.v) / LINE_SPACING;
  const expectU = birth.line.left + CODE_OFFSET_U * scale;
  const expectV = birth.line.v + CODE_OFFSET_V * scale;
  const codes = lines.filter((l) => SECURITY_CODE.test(l.text) && Math.hypot((l.left + l.right) / 2 - expectU, l.v - expectV) < CODE_TOLERANCE * scale);
  if (codes.length === 0) return { ok: false, reason: 'security-code-not-found' };
  if (codes.length > 1) return { ok: false, reason: 'security-code-ambiguous' };
  const code = codes[0] as RecognizedLine;

  const sexMatch = SEX.exec(birth.line.text);
  return {
    ok: true,
    fields: {
      birthDate: birth.date,
      printedBirthYear: birth.printedBirthYear,
      expiryDate: { year: Number(ey), month: Number(em), day: Number(ed) },
      securityCode: code.text,
      sex: sexMatch ? (sexMatch[1] as '男' | '女') : null,
      evidence: {
        ...birth.evidence,
        expiryYear: groupsConfidence(expiryLine, expiryMatch, [1]),
        expiryMonthDay: groupsConfidence(expiryLine, expiryMatch, [2, 3]),
        securityCode: groupsConfidence(code, null, []),
      },
    },
  };
}

function readBirthLine(line: RecognizedLine): BirthReading | null {
  const era = ERA_BIRTH.exec(line.text);
  if (era) {
    const [, , second = '', y = '', m = '', d = ''] = era;
    const choice = chooseEra(line, era.index, ERAS_BY_SECOND[second] ?? []);
    if (!choice) return null;
    const eraYear = y === '元' ? 1 : Number(y);
    return {
      line,
      date: eraToWestern({ era: choice.era, eraYear, month: Number(m), day: Number(d) }),
      printedBirthYear: { calendar: choice.era, year: eraYear },
      evidence: { era: choice.share, birthYear: groupsConfidence(line, era, [3]), birthMonthDay: groupsConfidence(line, era, [4, 5]) },
    };
  }
  const western = WESTERN_BIRTH.exec(line.text);
  if (!western) return null;
  const [, y = '', m = '', d = ''] = western;
  return {
    line,
    date: { year: Number(y), month: Number(m), day: Number(d) },
    printedBirthYear: { calendar: 'western', year: Number(y) },
    evidence: { era: 1, birthYear: groupsConfidence(line, western, [1]), birthMonthDay: groupsConfidence(line, western, [2, 3]) },
  };
}

/** The era whose first character the recogniser found most likely, with its share among the candidates. */
function chooseEra(line: RecognizedLine, at: number, candidates: readonly EraName[]): { era: EraName; share: number } | null {
  const readings = line.alternatives[at];
  if (!readings) return null;
  // A candidate missing from the kept readings had at most the lowest kept probability: count it
  // at that bound so the share is never overstated.
  const floor = Math.min(...readings.values());
  const scored = candidates
    .map((era) => ({ era, seen: readings.has(era[0] as string), p: readings.get(era[0] as string) ?? floor }))
    .sort((a, b) => b.p - a.p || Number(b.seen) - Number(a.seen));
  const total = scored.reduce((s, c) => s + c.p, 0);
  const best = scored[0];
  if (!best || !best.seen || best.p < MIN_ERA_EVIDENCE) return null;
  return { era: best.era, share: best.p / total };
}

/**
 * Weakest digit inside the given capture groups (all of `line` when match is null). The grammar
 * says these characters are digits, so each counts as its share among the ten digit readings:
 * a digit the model half-confused with a letter or a symbol is still certain among digits, while
 * a 3-vs-8 doubt stays a doubt.
 */
function groupsConfidence(line: RecognizedLine, match: RegExpExecArray | null, groups: readonly number[]): number {
  const ranges = match ? groups.map((g) => match.indices?.[g]).filter((r): r is [number, number] => r !== undefined) : [[0, line.text.length] as [number, number]];
  let min = 1;
  for (const [start, end] of ranges) for (let i = start; i < end; i++) min = Math.min(min, digitShare(line, i));
  return min;
}

function digitShare(line: RecognizedLine, at: number): number {
  const chosen = line.text[at] ?? '';
  const readings = line.alternatives[at];
  if (!readings || readings.size === 0 || !/^\d$/.test(chosen)) return line.charProbs[at] ?? 0;
  const byDigit = new Map<string, number>();
  for (const [ch, p] of readings) {
    const folded = ch.normalize('NFKC');
    if (/^\d$/.test(folded)) byDigit.set(folded, (byDigit.get(folded) ?? 0) + p);
  }
  // Digits missing from the kept readings had at most the lowest kept probability.
  const floor = Math.min(...readings.values());
  let total = 0;
  for (let d = 0; d <= 9; d++) total += byDigit.get(String(d)) ?? floor;
  return (byDigit.get(chosen) ?? 0) / total;
}
