/**
 * Registrations can be seeded because persona certificates are stable all JST day, and the kiosk
 * asks the service simulator itself (/v1/registrations/status) whether a card is registered and
 * whose it is, instead of guessing from the certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPersona, listPersonas } from '../../../sim/card/persona.js';
import { certificateSerial, mintPersonaCertificates, testCaCertificates } from '../../../sim/pki/test-pki.js';
import { demoRegistrations } from '../../../sim/demo/demo-registrations.js';
import { demoRegistry } from '../../../sim/demo/demo-registry.js';
import { startSimulator, type RunningSimulator } from '../../../sim/oqs/server.js';
import { serviceRegistrationDirectory, type RegistrationDirectory } from '../../../src/main/core/qualification-port.js';
import { createLogger } from '../../../src/main/core/logger.js';

/** Instants given in JST wall-clock time. */
const jst = (local: string) => new Date(`${local}+09:00`);

async function authDer(personaId: string, at: Date): Promise<Uint8Array> {
  const { auth } = await mintPersonaCertificates(personaId, loadPersona(personaId).certificate.notAfterDaysFromNow, at);
  return new Uint8Array(auth.rawData);
}

describe('persona certificates are stable for a JST day', () => {
  it('the first and the last second of a JST day give the same certificate bytes', async () => {
    const early = await authDer('normal-adult', jst('2026-03-10T00:00:01'));
    const late = await authDer('normal-adult', jst('2026-03-10T23:59:59'));
    expect(Buffer.from(late).equals(Buffer.from(early))).toBe(true);
  });

  it('the next JST day is another certificate with another serial (09:00 JST, not UTC midnight, is no boundary)', async () => {
    const monday = await mintPersonaCertificates('normal-adult', 1500, jst('2026-03-10T08:59:00'));
    const mondayLater = await mintPersonaCertificates('normal-adult', 1500, jst('2026-03-10T09:01:00'));
    const tuesday = await mintPersonaCertificates('normal-adult', 1500, jst('2026-03-11T00:00:00'));
    expect(mondayLater.auth.serialNumber).toBe(monday.auth.serialNumber);
    expect(tuesday.auth.serialNumber).not.toBe(monday.auth.serialNumber);
    expect(tuesday.auth.serialNumber).toBe(certificateSerial('normal-adult', 'auth', jst('2026-03-11T12:00:00')).toLowerCase());
  });

  it('is valid through the last second (JST) of the day N days later', async () => {
    const { auth } = await mintPersonaCertificates('cert-renewal', 40, jst('2026-03-10T15:30:00'));
    expect(auth.notAfter.toISOString()).toBe(jst('2026-04-19T23:59:59').toISOString());
  });
});

describe('the service simulator answers "registered?" for the demo personas', () => {
  let sim: RunningSimulator;
  let directory: RegistrationDirectory;
  const warnings: string[] = [];
  const day = new Date();

  beforeAll(async () => {
    const personas = listPersonas();
    sim = await startSimulator({
      registry: demoRegistry(personas, day),
      caCertificatesPem: [(await testCaCertificates(day)).auth.toString('pem')],
      ...(await demoRegistrations(personas, day)),
    });
    const log = createLogger({ level: 'warn', destination: { write: (line: string) => void warnings.push(line) } });
    directory = serviceRegistrationDirectory(sim.url, 2_000, log);
  });
  afterAll(() => sim?.close());

  it('a persona registered before the visit: registered, to that persona', async () => {
    expect(await directory.status(await authDer('normal-adult', day))).toEqual({ registered: true, personId: 'normal-adult' });
  });

  it('a persona not yet registered: not registered, but the service names whose card it is (for 利用登録)', async () => {
    expect(await directory.status(await authDer('unregistered', day))).toEqual({ registered: false, personId: 'unregistered' });
  });

  it('yesterday\'s certificate of a registered persona is a certificate the service does not know', async () => {
    const yesterday = new Date(day.getTime() - 86_400_000);
    expect(await directory.status(await authDer('normal-adult', yesterday))).toEqual({ registered: false, personId: null });
  });

  it('with the service down, the card is taken as registered and the lookup failure is logged with E-OQS-001', async () => {
    sim.faults.set({ failure: 'http-503' });
    try {
      expect(await directory.status(await authDer('unregistered', day))).toEqual({ registered: true, personId: null });
    } finally {
      sim.faults.set({ failure: 'none' });
    }
    expect(warnings.some((line) => line.includes('"code":"E-OQS-001"'))).toBe(true);
  });

  it('a body that is not a certificate is refused as a bad request', async () => {
    const response = await fetch(new URL('v1/registrations/status', sim.url), { method: 'POST', body: JSON.stringify({ certificate: '***' }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { reason: 'bad-request' } });
  });
});
