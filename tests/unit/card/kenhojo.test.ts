import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardError } from '../../../src/main/card/card-error.js';
import { parseBasicFour, readBasicFour } from '../../../src/main/card/kenhojo.js';
import { parseCardFaceRecord } from '../../../src/main/card/card-face-record.js';
import { parseCvCertificate } from '../../../src/main/card/cv-certificate.js';
import { parseCertificate } from '../../../src/main/card/jpki.js';
import { openChannel } from './in-process.js';
import { collationFor } from './read-sequences.js';

const b = collationFor;

describe('入力補助AP basic four', () => {
  it('reads name, address, birth date and sex with the 4-digit PIN in 3 APDUs', async () => {
    const { channel } = await openChannel('normal-adult');
    const four = await readBasicFour(channel, { kind: 'pin', pin: '1234' });
    expect(four).toEqual({ name: '佐藤　花子', address: '東京都千代田区霞が関１－２－３', birthDate: '1985-04-12', sex: '2' });
    expect(channel.apduCount).toBe(3);
  });

  it('reads with 照合番号B, keeping characters outside JIS X 0208 (髙) and Latin names intact', async () => {
    expect((await readBasicFour((await openChannel('gaiji-name')).channel, { kind: 'collation-b', value: b('gaiji-name') })).name).toBe('髙橋　優子');
    expect((await readBasicFour((await openChannel('foreign-resident')).channel, { kind: 'collation-b', value: b('foreign-resident') })).name).toBe('SMITH JANE ELIZABETH');
  });

  it('gives typed errors for a wrong PIN and for the PIN-less card', async () => {
    await expect(readBasicFour((await openChannel('normal-adult')).channel, { kind: 'pin', pin: '9999' })).rejects.toMatchObject({ reason: 'PIN_WRONG' });
    await expect(readBasicFour((await openChannel('pinless-face')).channel, { kind: 'pin', pin: '1234' })).rejects.toMatchObject({ reason: 'PIN_NOT_SET' });
  });
});

describe('record and certificate parsers on hostile bytes', () => {
  it('never crash: every input gives a value or a CardError', () => {
    const parsers = [parseBasicFour, parseCardFaceRecord, parseCvCertificate, parseCertificate];
    const shaped = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      // Plausible headers with junk inside: the parsers must look past the first tag.
      fc.tuple(fc.constantFrom([0xff, 0x20], [0x7f, 0x21], [0x30, 0x82]), fc.uint8Array({ maxLength: 300 })).map(([h, rest]) => Uint8Array.from([...h, ...rest])),
    );
    fc.assert(
      fc.property(fc.constantFrom(...parsers), shaped, (parse, bytes) => {
        try {
          parse(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(CardError);
        }
      }),
      { numRuns: 8_000 },
    );
  });
});
