/**
 * Real pcscd: kill it while the kiosk is idle, start it again, and the reader stack is back
 * (fresh PC/SC context listing the vpcd readers, reader monitor reattached) with no person
 * involved. Timing is measured by `npm run bench:heal`, not asserted here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealHarness, type HealHarness } from './heal-harness.js';

const inCI = process.env.CI === 'true';
let harness: HealHarness | undefined;
let unavailable = '';

beforeAll(async () => {
  try {
    harness = await startHealHarness();
  } catch (error) {
    // Outside CI a developer machine may lack root or pcscd; in CI this must run.
    if (inCI) throw error;
    unavailable = error instanceof Error ? error.message : String(error);
  }
});
afterAll(() => harness?.dispose());

describe('reader stack heals after pcscd dies (real pcscd + vpcd)', () => {
  it('starts green with the vpcd readers listed', async (ctx) => {
    if (!harness) return ctx.skip(`pcscd cannot be started here: ${unavailable}`);
    const h = harness;
    await expect.poll(() => h.stack.readers().length, { timeout: 5_000 }).toBeGreaterThan(0);
    const states = await h.watchdog.runAll();
    expect(states.map((s) => [s.name, s.ok])).toEqual([
      ['pcscd', true],
      ['reader', true],
    ]);
  });

  it('pcscd killed while idle: red checks and a healing state with E-OPS-010, then healthy after pcscd returns', async (ctx) => {
    if (!harness) return ctx.skip(`pcscd cannot be started here: ${unavailable}`);
    const h = harness;
    await h.pcscd.kill();
    await h.waitFor((s) => s.state === 'healing', 5_000);
    const red = await h.watchdog.runAll();
    expect(red.map((s) => [s.name, s.ok, s.lastError?.code])).toEqual([
      ['pcscd', false, 'E-OPS-010'],
      ['reader', false, 'E-OPS-009'],
    ]);
    expect(h.healer.current()).toMatchObject({ state: 'healing', step: 'wait-for-pcscd', code: 'E-OPS-010' });

    await h.pcscd.start();
    await h.waitFor((s) => s.state === 'healthy', 10_000);
    expect(h.stack.readers()).toContain('Virtual PCD 00 00');
    // The reader monitor now reads from the fresh source.
    expect(h.attached.at(-1)).toBe(h.stack.current());
    const green = await h.watchdog.runAll();
    expect(green.map((s) => [s.name, s.ok])).toEqual([
      ['pcscd', true],
      ['reader', true],
    ]);
    // The red episode stays visible to staff after recovery.
    expect(green[0]?.lastError?.code).toBe('E-OPS-010');
    expect(h.escalations).toBe(0);
  });

  it('heals again on a second crash (each heal opens a fresh context)', async (ctx) => {
    if (!harness) return ctx.skip(`pcscd cannot be started here: ${unavailable}`);
    const h = harness;
    const before = h.stack.current();
    await h.pcscd.kill();
    await h.waitFor((s) => s.state === 'healing', 5_000);
    await h.pcscd.start();
    await h.waitFor((s) => s.state === 'healthy', 10_000);
    expect(h.stack.readers()).toContain('Virtual PCD 00 00');
    expect(h.stack.current()).not.toBe(before);
    expect(h.attached.at(-1)).toBe(h.stack.current());
  });
});
