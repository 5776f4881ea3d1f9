/**
 * `--no-demo` with the JPKI CA set from configuration: CA files (PEM, several per file, or DER)
 * named by `--jpki-ca` or KIOSK_JPKI_CA become the trust the card reads are checked against; without
 * any, every card is unverifiable (E-CARD-007, logged at start); an unusable file is logged with
 * E-SYS-014 and skipped so the kiosk still starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../../src/main/core/config.js';
import { configuredJpkiTrust } from '../../../src/main/core/jpki-trust.js';
import { createLogger } from '../../../src/main/core/logger.js';
import { checkChain } from '../../../src/main/card/jpki.js';
import type { x509 } from '../../../src/main/card/x509.js';
import { mintPersonaCertificates, testCaCertificates } from '../../../sim/pki/test-pki.js';

let dir: string;
let card: x509.X509Certificate;
const files = { authPem: '', bundlePem: '', signDer: '', leafPem: '', garbage: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jpki-ca-'));
  const cas = await testCaCertificates();
  card = (await mintPersonaCertificates('normal-adult', 1500)).auth;
  const write = (name: string, content: string | Uint8Array) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  files.authPem = write('auth-ca.pem', cas.auth.toString('pem'));
  files.bundlePem = write('bundle.pem', `${cas.sign.toString('pem')}\n${cas.auth.toString('pem')}\n`);
  files.signDer = write('sign-ca.der', new Uint8Array(cas.sign.rawData));
  files.leafPem = write('card.pem', card.toString('pem'));
  files.garbage = write('garbage.pem', '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function logged() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { log, codes: () => lines.map((l) => l.code).filter((c) => c !== undefined) };
}

describe('configuration', () => {
  it('takes every --jpki-ca, as absolute paths', () => {
    const config = loadConfig({}, ['--no-demo', '--jpki-ca', 'ca/auth.pem', '--jpki-ca', '/etc/jpki/b.der']);
    expect(config.jpkiCaFiles).toEqual([resolve('ca/auth.pem'), '/etc/jpki/b.der']);
  });

  it('falls back to KIOSK_JPKI_CA with ":"-separated paths, and to none', () => {
    expect(loadConfig({ KIOSK_JPKI_CA: '/a.pem:/b.der' }, []).jpkiCaFiles).toEqual(['/a.pem', '/b.der']);
    expect(loadConfig({}, []).jpkiCaFiles).toEqual([]);
  });
});

describe('the configured CA set verifies cards', () => {
  it('a card issued by a configured CA (PEM) passes the chain check the reader monitor runs', async () => {
    const { log, codes } = logged();
    await expect(checkChain(card, configuredJpkiTrust([files.authPem], log))).resolves.toBeUndefined();
    expect(codes()).toEqual([]);
  });

  it('reads every certificate of a PEM bundle and DER files', async () => {
    const { log } = logged();
    const trust = configuredJpkiTrust([files.bundlePem, files.signDer], log);
    expect(trust.authCas).toHaveLength(3);
    await expect(checkChain(card, trust)).resolves.toBeUndefined();
  });

  it('without a CA every card is unverifiable, and the start log says so with E-CARD-007', async () => {
    const { log, codes } = logged();
    const trust = configuredJpkiTrust([], log);
    await expect(checkChain(card, trust)).rejects.toMatchObject({ code: 'E-CARD-007' });
    expect(codes()).toEqual(['E-CARD-007']);
  });

  it('a missing file, a broken one and a card certificate are each logged with E-SYS-014 and skipped', async () => {
    const { log, codes } = logged();
    const trust = configuredJpkiTrust([join(dir, 'missing.pem'), files.garbage, files.leafPem, files.authPem], log);
    expect(codes()).toEqual(['E-SYS-014', 'E-SYS-014', 'E-SYS-014']);
    expect(trust.authCas).toHaveLength(1);
    await expect(checkChain(card, trust)).resolves.toBeUndefined();
  });
});
