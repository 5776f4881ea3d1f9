/**
 * The simulator as its own process (`npm run sim:oqs -- --config …`), configured by a file that
 * points at a CA PEM file and the seed registry by path, the way the demo wires sim/pki in.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { createTestDevice, createTestPki } from './test-pki.js';
import { HttpQualificationGateway } from '../../../src/main/qualification/http-gateway.js';
import { DeviceAttester } from '../../../src/main/qualification/device-attester.js';

const MAIN = fileURLToPath(new URL('../../../sim/oqs/main.ts', import.meta.url));
const SEED_FILE = fileURLToPath(new URL('../../../sim/oqs/registry.seed.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'oqs-standalone-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('standalone simulator process', () => {
  it('starts from a config file, confirms a face check over HTTP and stops on SIGTERM', async () => {
    const pki = await createTestPki();
    const card = await pki.issueCard();
    const device = await createTestDevice('kiosk-demo');
    writeFileSync(join(dir, 'ca.pem'), pki.caPem);
    writeFileSync(
      join(dir, 'sim.json'),
      JSON.stringify({
        registry: relative(dir, SEED_FILE),
        caCertificatesPem: ['ca.pem'],
        registrations: [{ certificateSha256: card.sha256, personId: 'latter-elderly-10' }],
        devices: [{ deviceId: device.deviceId, publicKeySpki: device.publicKeySpki }],
      }),
    );
    child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--config', join(dir, 'sim.json'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const url = /listening on (\S+)/.exec(line.toString())![1]!;

    const gateway = new HttpQualificationGateway({ baseUrl: url, timeoutMs: 2_000 });
    const nonce = await gateway.issueNonce();
    if (nonce.kind !== 'nonce') throw new Error('no nonce');
    const requestId = 'standalone-0001';
    const auth = await new DeviceAttester(device.deviceId, device.privateKey).attest(requestId, card.der, 'face', nonce.nonce.nonce, Date.now());
    const outcome = await gateway.confirm({ requestId, medicalInstitutionCode: '1312345678', certificate: card.base64, auth, consent: null, prescription: null });
    expect(outcome).toMatchObject({ kind: 'confirmed', response: { validity: 1, qualification: { insurerNumber: '39011019' } } });

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
