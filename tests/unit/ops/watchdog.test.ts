import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Watchdog } from '../../../src/main/ops/watchdog.js';
import { CameraStatusBoard } from '../../../src/main/ops/camera-status.js';
import { flagCheck, type HealthCheck } from '../../../src/main/ops/health-check.js';
import { OPS_ERRORS } from '../../../src/main/ops/error-codes.js';
import { diskCheck, serviceCheck } from '../../../src/main/ops/system-checks.js';
import { pcscdAlive } from '../../../src/main/ops/pcscd-socket.js';
import { FakeClock } from './fake-clock.js';

const T0 = new Date('2025-06-03T10:00:00+09:00');

describe('watchdog', () => {
  it('runs every check at start and on each interval, keeping the last error after recovery', async () => {
    const clock = new FakeClock(T0);
    let modelsLoaded = false;
    const dog = new Watchdog({ clock, intervalMs: 5_000, checks: [flagCheck('models', () => modelsLoaded, OPS_ERRORS.MODELS_NOT_LOADED)] });
    const [first] = await dog.start();
    expect(first).toMatchObject({ name: 'models', ok: false, lastError: { code: 'E-OPS-013', at: T0 }, at: T0 });
    modelsLoaded = true;
    await clock.advance(5_000);
    expect(dog.snapshot()[0]).toMatchObject({ ok: true, at: new Date(T0.getTime() + 5_000), lastError: { code: 'E-OPS-013', at: T0 } });
    dog.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a check that throws or hangs turns red with E-OPS-016 and does not stop the others', async () => {
    const clock = new FakeClock(T0);
    const throwing: HealthCheck = { name: 'service', run: () => Promise.reject(new Error('boom')) };
    const hanging: HealthCheck = { name: 'camera', run: () => new Promise(() => undefined) };
    const fine = flagCheck('models', () => true, OPS_ERRORS.MODELS_NOT_LOADED);
    const failures: string[] = [];
    const dog = new Watchdog({ clock, checkTimeoutMs: 50, checks: [throwing, hanging, fine], onFailure: (name) => failures.push(name) });
    const states = await dog.runAll();
    expect(states.map((s) => [s.name, s.ok, s.lastError?.code ?? null])).toEqual([
      ['service', false, 'E-OPS-016'],
      ['camera', false, 'E-OPS-016'],
      ['models', true, null],
    ]);
    expect(failures.sort()).toEqual(['camera', 'service']);
  });
});

describe('camera status reported by the renderer', () => {
  it('green while reports say available; red with the browser reason; red when reports stop', async () => {
    const clock = new FakeClock(T0);
    const board = new CameraStatusBoard(clock, 30_000);
    const check = board.check();
    expect(await check.run()).toMatchObject({ ok: false, code: 'E-OPS-012' });
    expect(board.report({ available: true, device: 'USB Camera' })).toBe(true);
    expect(await check.run()).toEqual({ ok: true });
    board.report({ available: false, reason: 'NotReadableError' });
    expect(await check.run()).toMatchObject({ ok: false, code: 'E-OPS-011', message: expect.stringContaining('NotReadableError') });
    board.report({ available: true });
    await clock.advance(30_001);
    expect(await check.run()).toMatchObject({ ok: false, code: 'E-OPS-012' });
  });

  it('ignores malformed reports (they cannot turn the check green)', async () => {
    const board = new CameraStatusBoard(new FakeClock(T0));
    for (const bad of [null, 'ok', { available: 'yes' }, { available: true, reason: 'x'.repeat(1000) }]) expect(board.report(bad)).toBe(false);
    expect(await board.check().run()).toMatchObject({ ok: false, code: 'E-OPS-012' });
  });
});

describe('system checks', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.statusCode = req.url === '/down' ? 503 : req.url === '/missing' ? 404 : 200;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('service: any HTTP answer below 500 is reachable; 5xx and refused connections are E-OPS-014', async () => {
    expect(await serviceCheck(() => `${base}/`).run()).toEqual({ ok: true });
    expect(await serviceCheck(() => `${base}/missing`).run()).toEqual({ ok: true });
    expect(await serviceCheck(() => `${base}/down`).run()).toMatchObject({ ok: false, code: 'E-OPS-014', message: expect.stringContaining('HTTP 503') });
    expect(await serviceCheck(() => 'http://127.0.0.1:1/').run()).toMatchObject({ ok: false, code: 'E-OPS-014' });
  });

  it('disk: red with E-OPS-015 below the threshold, and for a folder that does not exist', async () => {
    expect(await diskCheck('/tmp', { minFreeBytes: 1 }).run()).toEqual({ ok: true });
    expect(await diskCheck('/tmp', { minFreeBytes: Number.MAX_SAFE_INTEGER }).run()).toMatchObject({ ok: false, code: 'E-OPS-015', message: expect.stringContaining('MiB free') });
    expect(await diskCheck('/nonexistent/kiosk-data').run()).toMatchObject({ ok: false, code: 'E-OPS-015' });
  });

  it('pcscd probe: a socket path nobody listens on is "not alive", without throwing', async () => {
    expect(await pcscdAlive('/tmp/no-such-pcscd.comm', 200)).toBe(false);
  });
});
