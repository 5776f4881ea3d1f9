/**
 * PRODUCT.md §3.2 and docs/decisions/certificate-expiry.md: the four phases, with JST calendar
 * dates, exact month ends and leap years. Every boundary is tested on both sides.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { certificateExpiryPhase, type ExpiryPhase } from '../../../src/main/session/expiry.js';

/** An instant given as a JST wall-clock time. */
const jst = (date: string, time: string) => new Date(`${date}T${time}+09:00`);
/** How a certificate states its expiry in practice: 23:59:59 JST of the expiry day. */
const notAfterOn = (date: string) => jst(date, '23:59:59');

interface Row {
  readonly why: string;
  readonly notAfter: string;
  readonly lastNormal: string;
  readonly firstAlert: string;
  readonly firstGrace: string;
  readonly lastGrace: string;
  readonly firstExpired: string;
}

// Expected dates worked out by hand from the rules in docs/decisions/certificate-expiry.md.
const ROWS: readonly Row[] = [
  {
    why: 'PRODUCT.md example: notAfter 2025-01-15 → usable through 2025-04-30',
    notAfter: '2025-01-15',
    lastNormal: '2024-10-14',
    firstAlert: '2024-10-15',
    firstGrace: '2025-01-16',
    lastGrace: '2025-04-30',
    firstExpired: '2025-05-01',
  },
  {
    why: 'PRODUCT.md example: notAfter 2024-11-30 → through 2025-02-28 (short February, year change)',
    notAfter: '2024-11-30',
    lastNormal: '2024-08-29',
    firstAlert: '2024-08-30',
    firstGrace: '2024-12-01',
    lastGrace: '2025-02-28',
    firstExpired: '2025-03-01',
  },
  {
    why: 'leap year: notAfter 2023-11-15 → through 2024-02-29',
    notAfter: '2023-11-15',
    lastNormal: '2023-08-14',
    firstAlert: '2023-08-15',
    firstGrace: '2023-11-16',
    lastGrace: '2024-02-29',
    firstExpired: '2024-03-01',
  },
  {
    why: 'leap year, month end: notAfter 2023-11-30 → through 2024-02-29',
    notAfter: '2023-11-30',
    lastNormal: '2023-08-29',
    firstAlert: '2023-08-30',
    firstGrace: '2023-12-01',
    lastGrace: '2024-02-29',
    firstExpired: '2024-03-01',
  },
  {
    why: 'month end after a short month: notAfter 2025-05-31 → alert from 2025-02-28',
    notAfter: '2025-05-31',
    lastNormal: '2025-02-27',
    firstAlert: '2025-02-28',
    firstGrace: '2025-06-01',
    lastGrace: '2025-08-31',
    firstExpired: '2025-09-01',
  },
  {
    why: 'leap year alert: notAfter 2024-05-31 → alert from 2024-02-29',
    notAfter: '2024-05-31',
    lastNormal: '2024-02-28',
    firstAlert: '2024-02-29',
    firstGrace: '2024-06-01',
    lastGrace: '2024-08-31',
    firstExpired: '2024-09-01',
  },
  {
    why: 'notAfter on a short month end 2025-02-28: no 29th, so the alert starts 2024-11-28',
    notAfter: '2025-02-28',
    lastNormal: '2024-11-27',
    firstAlert: '2024-11-28',
    firstGrace: '2025-03-01',
    lastGrace: '2025-05-31',
    firstExpired: '2025-06-01',
  },
  {
    why: 'notAfter on leap day 2024-02-29',
    notAfter: '2024-02-29',
    lastNormal: '2023-11-28',
    firstAlert: '2023-11-29',
    firstGrace: '2024-03-01',
    lastGrace: '2024-05-31',
    firstExpired: '2024-06-01',
  },
  {
    why: 'alert crosses the year: notAfter 2025-03-31 → alert from 2024-12-31',
    notAfter: '2025-03-31',
    lastNormal: '2024-12-30',
    firstAlert: '2024-12-31',
    firstGrace: '2025-04-01',
    lastGrace: '2025-06-30',
    firstExpired: '2025-07-01',
  },
  {
    why: 'grace crosses the year: notAfter 2025-12-31 → through 2026-03-31',
    notAfter: '2025-12-31',
    lastNormal: '2025-09-29',
    firstAlert: '2025-09-30',
    firstGrace: '2026-01-01',
    lastGrace: '2026-03-31',
    firstExpired: '2026-04-01',
  },
];

describe('certificateExpiryPhase: both sides of every boundary, in JST', () => {
  it.each(ROWS)('$why', (row) => {
    const notAfter = notAfterOn(row.notAfter);
    const cases: [Date, ExpiryPhase][] = [
      [jst(row.lastNormal, '23:59:59'), 'normal'],
      [jst(row.firstAlert, '00:00:00'), 'renewal-alert'],
      [jst(row.notAfter, '23:59:59'), 'renewal-alert'],
      [jst(row.firstGrace, '00:00:00'), 'grace'],
      [jst(row.lastGrace, '23:59:59'), 'grace'],
      [jst(row.firstExpired, '00:00:00'), 'expired'],
    ];
    expect(cases.map(([now]) => certificateExpiryPhase(notAfter, now))).toEqual(cases.map(([, phase]) => phase));
  });
});

describe('certificateExpiryPhase: JST, not UTC, decides the date', () => {
  const notAfter = new Date('2025-01-15T14:59:59Z'); // 2025-01-15 23:59:59 JST

  it('at 2025-01-15 15:00 UTC it is already 2025-01-16 in Japan: grace, although UTC still says the 15th', () => {
    expect(certificateExpiryPhase(notAfter, new Date('2025-01-15T15:00:00Z'))).toBe('grace');
  });

  it('one second earlier (23:59:59 JST on the 15th) the certificate is still valid', () => {
    expect(certificateExpiryPhase(notAfter, new Date('2025-01-15T14:59:59Z'))).toBe('renewal-alert');
  });

  it('the grace period ends at JST midnight: 2025-04-30 14:59:59 UTC grace, 15:00:00 UTC expired', () => {
    expect(certificateExpiryPhase(notAfter, new Date('2025-04-30T14:59:59Z'))).toBe('grace');
    expect(certificateExpiryPhase(notAfter, new Date('2025-04-30T15:00:00Z'))).toBe('expired');
  });

  it('the alert starts at JST midnight: 2024-10-14 14:59:59 UTC normal, 15:00:00 UTC alert', () => {
    expect(certificateExpiryPhase(notAfter, new Date('2024-10-14T14:59:59Z'))).toBe('normal');
    expect(certificateExpiryPhase(notAfter, new Date('2024-10-14T15:00:00Z'))).toBe('renewal-alert');
  });

  it('a notAfter written at UTC midnight of a day belongs to that day 09:00 JST, the same date', () => {
    const utcMidnight = new Date('2025-01-15T00:00:00Z');
    expect(certificateExpiryPhase(utcMidnight, jst('2025-01-15', '23:00:00'))).toBe('renewal-alert');
    expect(certificateExpiryPhase(utcMidnight, jst('2025-01-16', '00:00:00'))).toBe('grace');
  });

  it('a notAfter at 15:00 UTC is the next day in Japan', () => {
    const lateUtc = new Date('2025-01-15T15:00:00Z'); // 2025-01-16 00:00 JST
    expect(certificateExpiryPhase(lateUtc, jst('2025-01-16', '12:00:00'))).toBe('renewal-alert');
    expect(certificateExpiryPhase(lateUtc, jst('2025-01-17', '00:00:00'))).toBe('grace');
  });
});

const DAY = 24 * 3600 * 1000;

/**
 * 民法 §140 and §143, written out independently of the implementation: the last day of a
 * 3-month period that starts the day after `day` (dates as UTC midnights). A period starting
 * on the 1st ends on the last day of its third month; otherwise the day before the
 * corresponding day, or the month's last day when the final month has no corresponding day.
 */
function threeMonthPeriodEnd(day: number): number {
  const start = new Date(day + DAY);
  const [y, m, d] = [start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()];
  if (d === 1) return Date.UTC(y, m + 3, 0);
  const lastOfFinalMonth = Date.UTC(y, m + 4, 0);
  if (d > new Date(lastOfFinalMonth).getUTCDate()) return lastOfFinalMonth;
  return Date.UTC(y, m + 3, d) - DAY;
}

describe('certificateExpiryPhase: properties over any dates', () => {
  it('renewal alert exactly when 「満了日まで３か月以下」, counted by 民法 §140/§143', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_000 }), fc.integer({ min: 0, max: 200 }), (expiryDay, daysBefore) => {
        const expiry = Date.UTC(2000, 0, 1) + expiryDay * DAY;
        const today = expiry - daysBefore * DAY;
        const notAfter = new Date(expiry + DAY - 9 * 3600 * 1000 - 1000); // 23:59:59 JST
        const noonJst = new Date(today + 3 * 3600 * 1000);
        const expected = threeMonthPeriodEnd(today) >= expiry ? 'renewal-alert' : 'normal';
        return certificateExpiryPhase(notAfter, noonJst) === expected;
      }),
      { numRuns: 2000 },
    );
  });

  const ORDER: readonly ExpiryPhase[] = ['normal', 'renewal-alert', 'grace', 'expired'];
  const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

  it('as time moves forward the phase never goes back', () => {
    fc.assert(
      fc.property(instant, instant, instant, (notAfter, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        return ORDER.indexOf(certificateExpiryPhase(notAfter, early)) <= ORDER.indexOf(certificateExpiryPhase(notAfter, late));
      }),
    );
  });

  it('the grace period always ends on the last day of a month, 3 months after the expiry month', () => {
    fc.assert(
      fc.property(instant, (notAfter) => {
        const shifted = new Date(notAfter.getTime() + 9 * 3600 * 1000);
        const monthIndex = shifted.getUTCFullYear() * 12 + shifted.getUTCMonth() + 3;
        const lastGraceDay = Date.UTC(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 0);
        // 23:59:59 JST on the last grace day, then the next JST midnight.
        const lastMoment = new Date(lastGraceDay + 24 * 3600 * 1000 - 9 * 3600 * 1000 - 1000);
        const firstExpired = new Date(lastMoment.getTime() + 1000);
        return (
          certificateExpiryPhase(notAfter, lastMoment) === 'grace' &&
          certificateExpiryPhase(notAfter, firstExpired) === 'expired'
        );
      }),
    );
  });
});
