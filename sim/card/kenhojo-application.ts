/**
 * 券面事項入力補助AP (input-helper AP, §7) of a persona: My Number EF (17 physical bytes with FF
 * filler), the basic-4 record, and keys 0011 (4-digit PIN, 3 tries), 0014 (照合番号A),
 * 0015 (照合番号B) and 0012 (always blocked).
 */
import type { Persona } from './persona.js';
import { ascii, pin, withFiller, type Application } from './card-image.js';
import { buildOffsetRecord } from './record-builder.js';
import { AID } from '../../src/main/card/card-commands.js';
import { collationNumberB } from '../../src/main/card/collation-number.js';

export function kenhojoApplication(persona: Persona): Application {
  const p = persona.printed;
  const myNumber = withFiller(Uint8Array.from([0xff, 0x10, 0x0c, ...ascii(persona.myNumber)]), 17);
  const basic4 = buildOffsetRecord(0xff20, 0xdf21, [
    [0xdf22, Buffer.from(p.name, 'utf8')],
    [0xdf23, Buffer.from(p.address, 'utf8')],
    [0xdf24, ascii(p.birthDate.replaceAll('-', ''))],
    [0xdf25, ascii(p.sex)],
  ]).file;
  const b = collationNumberB({ birthDate: p.birthDate, cardExpiryYear: Number(p.cardExpiry.slice(0, 4)), securityCode: p.securityCode, nationality: p.nationality });
  return {
    name: 'KENHOJO',
    aid: Buffer.from(AID.KENHOJO, 'hex'),
    files: new Map([
      [0x0001, { kind: 'binary', content: myNumber, readableAfter: [0x0011, 0x0014] }],
      [0x0002, { kind: 'binary', content: withFiller(basic4, 0x200), readableAfter: [0x0011, 0x0015] }],
    ]),
    keys: new Map([
      [0x0011, pin(persona.secrets.kenhojoPin, 3)],
      [0x0012, pin(null, 3, 0)],
      [0x0014, pin(persona.myNumber, 10)],
      [0x0015, pin(b, 10)],
    ]),
  };
}
