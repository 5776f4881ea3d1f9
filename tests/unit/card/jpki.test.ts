import { createHash, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CardError } from '../../../src/main/card/card-error.js';
import { authPinTries, identifyCard, readAuthCaCertificate, readAuthCertificate, signNonce, verifyAuthPin } from '../../../src/main/card/jpki.js';
import { CardChannel } from '../../../src/main/card/card-channel.js';
import { jpkiApplication } from '../../../sim/card/jpki-application.js';
import { loadPersona } from '../../../sim/card/persona.js';
import { VirtualCard } from '../../../sim/card/virtual-card.js';
import { certificateSerial, mintPersonaCertificates, testCaCertificates } from '../../../sim/pki/test-pki.js';
import { openChannel, testTrust } from './in-process.js';

const DAY = 86_400_000;

describe('JPKI AP reads against the virtual card', () => {
  it('identifies a My Number card by its token in 2 APDUs (SELECT + READ BINARY by SFI)', async () => {
    const { channel } = await openChannel('normal-adult');
    await expect(identifyCard(channel)).resolves.toBe('my-number-card');
    expect(channel.apduCount).toBe(2);
  });

  it('reads the user-auth certificate: serial, notAfter, issuer, chain against the configured CAs, in ceil(size/256) reads', async () => {
    const { channel } = await openChannel('cert-renewal');
    await identifyCard(channel);
    const cert = await readAuthCertificate(channel, await testTrust());
    expect(cert.serialNumber).toBe(certificateSerial('cert-renewal', 'auth'));
    // Valid through the end of the JST day 40 days on: 40 whole days and part of one more.
    expect(Math.floor((cert.notAfter.getTime() - Date.now()) / DAY)).toBe(40);
    expect(cert.issuer).toContain('OU=JPKI for user authentication');
    expect(channel.apduCount).toBe(2 + Math.ceil(cert.der.length / 256));
    const ca = await readAuthCaCertificate(channel);
    expect(ca.subject).toBe(cert.issuer);
  });

  it('rejects a certificate whose issuer is not in the configured CA set', async () => {
    const { channel } = await openChannel('normal-adult');
    const cas = await testCaCertificates();
    await expect(readAuthCertificate(channel, { authCas: [cas.sign] })).rejects.toMatchObject({ reason: 'CERT_UNTRUSTED', code: 'E-CARD-007' });
  });

  it('reads PIN tries without spending one, then one wrong VERIFY costs exactly one try', async () => {
    const { channel } = await openChannel('normal-adult');
    expect(await authPinTries(channel)).toEqual({ status: 'available', triesLeft: 3 });
    expect(await authPinTries(channel)).toEqual({ status: 'available', triesLeft: 3 });
    const before = channel.apduCount;
    expect(await verifyAuthPin(channel, '0000')).toEqual({ status: 'available', triesLeft: 2 });
    expect(channel.apduCount - before).toBe(1);
    expect(await verifyAuthPin(channel, '1234')).toEqual({ status: 'verified' });
    expect(await authPinTries(channel)).toEqual({ status: 'available', triesLeft: 3 });
  });

  it('blocks on the last try (63C0) and answers 6984 to every VERIFY after', async () => {
    const { channel, card } = await openChannel('pin-one-try');
    expect(await authPinTries(channel)).toEqual({ status: 'available', triesLeft: 1 });
    expect(await verifyAuthPin(channel, '0000')).toEqual({ status: 'blocked' });
    expect(Buffer.from(card.process(Buffer.from('0020009804' + '33333333', 'hex'))).toString('hex')).toBe('6984');
    expect(await verifyAuthPin(channel, '3333')).toEqual({ status: 'blocked' });
    expect(await authPinTries(channel)).toEqual({ status: 'blocked' });
  });

  it('reports the PIN-blocked persona as blocked and the PIN-less 顔認証 card as not-set', async () => {
    expect(await authPinTries((await openChannel('pin-blocked')).channel)).toEqual({ status: 'blocked' });
    expect(await authPinTries((await openChannel('pinless-face')).channel)).toEqual({ status: 'not-set' });
  });

  it('signs a nonce after VERIFY, verifiable with the certificate key (PKCS#1 v1.5 SHA-256)', async () => {
    const { channel } = await openChannel('normal-adult');
    const cert = await readAuthCertificate(channel, await testTrust());
    await verifyAuthPin(channel, '1234');
    const nonce = createHash('sha256').update('service nonce').digest();
    const before = channel.apduCount;
    const signature = await signNonce(channel, nonce, cert.publicKey);
    expect(channel.apduCount - before).toBe(1);
    expect(verify('sha256', nonce, cert.publicKey, signature)).toBe(true);
  });

  it('refuses to sign without VERIFY, and a power-off clears a verified PIN', async () => {
    const { channel, source } = await openChannel('normal-adult');
    const cert = await readAuthCertificate(channel, await testTrust());
    await expect(signNonce(channel, Uint8Array.of(1), cert.publicKey)).rejects.toMatchObject({ sw: 0x6982 });
    await verifyAuthPin(channel, '1234');
    await channel.disconnect();
    const again = new CardChannel(await source.connect('Test Slot 0'));
    await expect(signNonce(again, Uint8Array.of(1), cert.publicKey)).rejects.toMatchObject({ sw: 0x6982 });
  });

  it('rejects a malformed PIN before sending anything', async () => {
    const { channel } = await openChannel('normal-adult');
    await expect(verifyAuthPin(channel, '12a4')).rejects.toMatchObject({ reason: 'PIN_FORMAT' });
    expect(channel.apduCount).toBe(0);
  });

  it('turns the broken chip into CARD_BROKEN, not a crash', async () => {
    const { channel } = await openChannel('broken-chip');
    const error = await identifyCard(channel).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardError);
    expect((error as CardError).reason).toBe('CARD_BROKEN');
  });
});

describe('card recognition by token (not by ATR)', () => {
  async function channelFor(applications: 'none' | string) {
    const persona = loadPersona('normal-adult');
    const apps = applications === 'none' ? [] : [jpkiApplication(persona, await mintPersonaCertificates(persona.id, 100), applications)];
    const card = new VirtualCard({ applications: apps });
    card.powerOn();
    return new CardChannel({ transmit: async (apdu) => card.process(apdu), disconnect: async () => card.powerOff() });
  }

  it.each([
    ['JPKIAPIOSTOKEN', 'PHONE_TOKEN', 'E-CARD-003'],
    ['JPKIAPGPSETOKEN', 'PHONE_TOKEN', 'E-CARD-003'],
    ['JPKIAPICCTOKEN', 'JUKI_CARD', 'E-CARD-004'],
    ['SOMETHINGELSE', 'NOT_MY_NUMBER_CARD', 'E-CARD-002'],
  ])('token %s → %s (%s)', async (label, reason, code) => {
    await expect(identifyCard(await channelFor(label))).rejects.toMatchObject({ reason, code });
  });

  it('a card without the JPKI application (SELECT → 6A82) is not a My Number card', async () => {
    await expect(identifyCard(await channelFor('none'))).rejects.toMatchObject({ reason: 'NOT_MY_NUMBER_CARD' });
  });
});
