import { describe, expect, it } from 'vitest';
import type { ParsedCardFace } from '../../../src/main/cardface/card-face-fields.js';
import type { CardFaceReading } from '../../../src/main/cardface/card-face-reader.js';
import type { CardFaceImage } from '../../../src/main/cardface/image.js';
import { unlockWithCardFace } from '../../../src/main/cardface/unlock-with-card-face.js';
import { VerificationBTryGuard } from '../../../src/main/cardface/wrong-try-guard.js';

const TODAY = { year: 2026, month: 11, day: 26 };
const sure = { era: 1, birthYear: 1, birthMonthDay: 1, expiryYear: 1, expiryMonthDay: 1, securityCode: 1 };

function fieldsWithCode(securityCode: string): ParsedCardFace {
  return { birthDate: { year: 1980, month: 2, day: 17 }, printedBirthYear: { calendar: '昭和', year: 55 }, expiryDate: { year: 2035, month: 2, day: 17 }, securityCode, sex: '男', evidence: sure };
}
const read = (code: string): CardFaceReading => ({ ok: true, fields: fieldsWithCode(code), confidence: 0.99 });
const unreadable: CardFaceReading = { ok: false, reason: 'low-confidence', confidence: 0.5 };

/** A scanner whose pictures are remembered so the test can check they were wiped. */
function scanner() {
  const taken: CardFaceImage[] = [];
  return {
    taken,
    capture: async () => {
      const image = { width: 2, height: 1, rgba: new Uint8Array(8).fill(200) };
      taken.push(image);
      return image;
    },
  };
}
const scripted = (readings: CardFaceReading[]) => ({ read: async () => readings.shift() ?? unreadable });

class WrongB extends Error {}

function deps(readings: CardFaceReading[], cardSecret: string) {
  const scan = scanner();
  const presented: string[] = [];
  return {
    scan,
    presented,
    deps: {
      scanner: scan,
      reader: scripted(readings),
      guard: new VerificationBTryGuard(),
      today: TODAY,
      isWrongVerificationB: (e: unknown) => e instanceof WrongB,
      present: async (b: string) => {
        presented.push(b);
        if (b !== cardSecret) throw new WrongB();
        return 'photo';
      },
    },
  };
}

describe('face mode card step: scan → 照合番号B → VERIFY → photo', () => {
  it('unlocks the photo from one good scan and wipes the picture', async () => {
    const t = deps([read('2285')], '55021720352285');
    const outcome = await unlockWithCardFace(t.deps);
    expect(outcome).toMatchObject({ ok: true, result: 'photo', scans: 1, wrongTries: 0 });
    expect(t.scan.taken.every((img) => img.rgba.every((v) => v === 0))).toBe(true);
  });

  it('rescans once when the first picture is unreadable', async () => {
    const t = deps([unreadable, read('2285')], '55021720352285');
    expect(await unlockWithCardFace(t.deps)).toMatchObject({ ok: true, scans: 2 });
  });

  it('offers PIN/目視 (E-CFS-004) when the rescan is unreadable too, without presenting anything', async () => {
    const t = deps([unreadable, unreadable], '55021720352285');
    expect(await unlockWithCardFace(t.deps)).toMatchObject({ ok: false, code: 'E-CFS-004', reason: 'low-confidence', scans: 2 });
    expect(t.presented).toEqual([]);
    expect(t.scan.taken.every((img) => img.rgba.every((v) => v === 0))).toBe(true);
  });

  it('retries a refused 照合番号B once from a fresh scan', async () => {
    const t = deps([read('2286'), read('2285')], '55021720352285');
    expect(await unlockWithCardFace(t.deps)).toMatchObject({ ok: true, scans: 2, wrongTries: 1 });
    expect(t.presented).toEqual(['55021720352286', '55021720352285']);
  });

  it('stops after 2 refusals (E-CFS-005), and never presents the same refused value again', async () => {
    const twice = deps([read('2286'), read('2287'), read('2285')], '55021720352285');
    expect(await unlockWithCardFace(twice.deps)).toMatchObject({ ok: false, code: 'E-CFS-005', wrongTries: 2 });
    expect(twice.presented).toHaveLength(2);

    const same = deps([read('2286'), read('2286')], '55021720352285');
    expect(await unlockWithCardFace(same.deps)).toMatchObject({ ok: false, code: 'E-CFS-005', wrongTries: 1 });
    expect(same.presented).toEqual(['55021720352286']);
  });

  it('spends no tries on a card already at its per-insertion limit', async () => {
    const t = deps([read('2286'), read('2287'), read('2288'), read('2289')], '55021720352285');
    await unlockWithCardFace(t.deps);
    await unlockWithCardFace(t.deps);
    expect(t.presented).toHaveLength(2);
  });
});
