import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readTlvFileBySfi } from '../../../src/main/card/card-commands.js';
import { parseCardFaceRecord, verifyCardFaceSignature } from '../../../src/main/card/card-face-record.js';
import { collationNumberB } from '../../../src/main/card/collation-number.js';
import { keyIdText } from '../../../src/main/card/cv-certificate.js';
import { readCardFace, unlockWithCollationB } from '../../../src/main/card/kenkaku.js';
import { KENKAKU_CV_ROOT_KEY_ID } from '../../../sim/card/kenkaku-application.js';
import { loadPersona } from '../../../sim/card/persona.js';
import { personaAssetDir } from '../../../sim/card/persona-assets.js';
import { loadTestKey } from '../../../sim/pki/test-keys.js';
import { testCardFaceOptions } from '../../../sim/pki/test-pki.js';
import { openChannel } from './in-process.js';
import { collationFor } from './read-sequences.js';



describe('照合番号B', () => {
  it('uses the Japanese-era year for nationals (1980-02-17 → 昭和55) and the Gregorian year for foreign residents', () => {
    expect(collationNumberB({ birthDate: '1980-02-17', cardExpiryYear: 2035, securityCode: '2285', nationality: 'JP' })).toBe('55021720352285');
    expect(collationNumberB({ birthDate: '1990-08-03', cardExpiryYear: 2035, securityCode: '1357', nationality: 'JP' })).toBe('02080320351357'); // 平成2
    expect(collationNumberB({ birthDate: '2019-05-01', cardExpiryYear: 2030, securityCode: '0001', nationality: 'JP' })).toBe('01050120300001'); // 令和元年
    expect(collationNumberB({ birthDate: '1992-07-14', cardExpiryYear: 2029, securityCode: '2468', nationality: 'foreign' })).toBe('92071420292468');
  });
});

describe('券面事項確認AP card-face read', () => {
  it('reads the card-face record with the JP2 face photo in SELECT + VERIFY + ceil(size/256) APDUs', async () => {
    const { channel } = await openChannel('normal-adult');
    const read = await readCardFace(channel, collationFor('normal-adult'));
    expect(read.record.birthDate).toBe('1985-04-12');
    expect(read.record.sex).toBe('2');
    expect(read.record.cardExpiry).toBe('2034-04-12');
    expect(Buffer.from(read.record.facePhotoJp2).equals(readFileSync(`${personaAssetDir('normal-adult')}photo.jp2`))).toBe(true);
    expect(read.issuerSignature).toBe('not-checked');
    // The minimum: one READ BINARY per 256 bytes of the record, none spent on the header or filler.
    const other = (await openChannel('normal-adult')).channel;
    await unlockWithCollationB(other, collationFor('normal-adult'));
    const recordLength = (await readTlvFileBySfi(other, 0x02)).length;
    expect(channel.apduCount).toBe(2 + Math.ceil(recordLength / 256));
  });

  it('verifies the issuer signature through the CV certificate when the root key is configured', async () => {
    const { channel } = await openChannel('foreign-resident');
    const read = await readCardFace(channel, collationFor('foreign-resident'), testCardFaceOptions());
    expect(read.issuerSignature).toBe('verified');
  });

  it('rejects a CV certificate signed by another key as forged', async () => {
    const { channel } = await openChannel('normal-adult');
    const wrongRoot = new Map([[keyIdText(KENKAKU_CV_ROOT_KEY_ID), createPublicKey(createPrivateKey(loadTestKey('jpki-auth-ca').export({ format: 'pem', type: 'pkcs8' })))]]);
    await expect(readCardFace(channel, collationFor('normal-adult'), { cvRootKeys: wrongRoot })).rejects.toMatchObject({ reason: 'FACE_RECORD_FORGED' });
  });

  it('detects a changed photo byte through the record signature', async () => {
    const { channel } = await openChannel('gaiji-name');
    await unlockWithCollationB(channel, collationFor('gaiji-name'));
    const file = await readTlvFileBySfi(channel, 0x02);
    const genuine = parseCardFaceRecord(file);
    const signer = createPublicKey(loadTestKey('kenkaku-ap-signer'));
    expect(verifyCardFaceSignature(genuine, signer)).toBe(true);
    const tampered = file.slice();
    const at = tampered.length - 400; // inside DF27, the photo
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    expect(verifyCardFaceSignature(parseCardFaceRecord(tampered), signer)).toBe(false);
  });

  it('refuses a wrong 照合番号B with COLLATION_REJECTED and reads nothing', async () => {
    const { channel } = await openChannel('normal-adult');
    await expect(readCardFace(channel, '00000000000000')).rejects.toMatchObject({ reason: 'COLLATION_REJECTED', code: 'E-CARD-015' });
    expect(channel.apduCount).toBe(2);
  });

  it('reads every persona with a chip, including the PIN-less and blocked-PIN cards (no PIN needed)', async () => {
    for (const id of ['pin-blocked', 'pinless-face', 'late-elder', 'cert-expired']) {
      const { channel } = await openChannel(id);
      const read = await readCardFace(channel, collationFor(id));
      expect(read.record.birthDate).toBe(loadPersona(id).printed.birthDate);
    }
  });

  it('reads the whole record in one extended READ BINARY when asked', async () => {
    const { channel } = await openChannel('normal-adult', { extended: true });
    await readCardFace(channel, collationFor('normal-adult'));
    expect(channel.apduCount).toBe(3);
  });
});
