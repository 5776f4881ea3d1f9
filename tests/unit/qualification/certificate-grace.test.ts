/**
 * The simulator's reading of the grace period (PRODUCT.md §3.2): usable for qualification through
 * the last day of the third month after the JST month of notAfter.
 */
import { describe, expect, it } from 'vitest';
import { graceEndMs } from '../../../sim/oqs/certificate-checks.js';

/** An instant given as JST wall-clock time. */
const jst = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => Date.UTC(y, m - 1, d, h - 9, min, s);

describe('certificate grace period end', () => {
  it('notAfter 2025-01-15 → usable through 2025-04-30', () => {
    const end = graceEndMs(jst(2025, 1, 15, 23, 59, 59));
    expect(end).toBe(jst(2025, 5, 1) - 1);
  });

  it('notAfter 2024-11-30 → usable through 2025-02-28 (across the year, short February)', () => {
    expect(graceEndMs(jst(2024, 11, 30, 23, 59, 59))).toBe(jst(2025, 3, 1) - 1);
  });

  it('notAfter 2023-11-15 → through 2024-02-29 (leap year)', () => {
    expect(graceEndMs(jst(2023, 11, 15, 12))).toBe(jst(2024, 3, 1) - 1);
  });

  it('uses the JST date: 2025-01-31 20:00 UTC is already 1 February in Japan', () => {
    expect(graceEndMs(Date.UTC(2025, 0, 31, 20))).toBe(jst(2025, 6, 1) - 1);
  });
});
