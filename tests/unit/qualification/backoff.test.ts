import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelayMs } from '../../../src/main/qualification/backoff.js';

const policy = { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 1_000 };

describe('retry backoff', () => {
  it('doubles the delay per retry up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((r) => backoffDelayMs(policy, r, 0.999999))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('always waits at least half the step and never more than the cap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, random) => {
        const ceiling = Math.min(1000, 100 * 2 ** (retry - 1));
        const d = backoffDelayMs(policy, retry, random);
        return d >= ceiling / 2 - 0.5 && d <= ceiling;
      }),
    );
  });
});
