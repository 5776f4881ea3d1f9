import { describe, expect, it } from 'vitest';
import { createPersonaCard } from '../../../sim/card/persona-card.js';

const send = (card: { process(a: Uint8Array): Uint8Array }, hex: string) => Buffer.from(card.process(Buffer.from(hex.replaceAll(' ', ''), 'hex'))).toString('hex').toUpperCase();
const sw = (r: string) => r.slice(-4);

async function poweredCard(persona = 'normal-adult') {
  const card = await createPersonaCard(persona);
  card.powerOn();
  return card;
}

describe('virtual card (mynumber-card-apdu.md §12)', () => {
  it('answers SELECT MF with 6A86 right after reset, 9000 once an application was selected, and 6A82 for unknown AIDs', async () => {
    const card = await poweredCard();
    expect(send(card, '00A40000')).toBe('6A86');
    expect(send(card, '00A4040C0AD392F000260100000001')).toBe('9000');
    expect(send(card, '00A40000')).toBe('9000');
    expect(send(card, '00A4040C05D392F00026')).toBe('6A82');
  });

  it('returns the token padded with spaces, the auth certificate header, and 6B00 past the end of an EF', async () => {
    const card = await poweredCard();
    send(card, '00A4040C0AD392F000260100000001');
    expect(Buffer.from(send(card, '00B0860020').slice(0, 64), 'hex').toString('latin1')).toBe('JPKIAPICCTOKEN2'.padEnd(32, ' '));
    expect(send(card, '00B08A0004').slice(0, 4)).toBe('3082');
    expect(send(card, '00B07F0001')).toBe('6B00');
  });

  it('keeps the physical My Number EF with FF FF filler and locks it behind the 入力補助 PIN (6982)', async () => {
    const card = await poweredCard();
    send(card, '00A4040C0AD3921000310001010408');
    expect(send(card, '00B0810011')).toBe('6982');
    expect(send(card, '0020009104' + Buffer.from('1234').toString('hex'))).toBe('9000');
    expect(send(card, '00B0810011')).toBe('FF100C' + Buffer.from('202400010015').toString('hex').toUpperCase() + 'FFFF9000');
  });

  it('keeps a verified PIN across a warm reset and clears it only on power-off', async () => {
    const card = await poweredCard();
    send(card, '00A4040C0AD392F000260100000001');
    send(card, '0020009804' + Buffer.from('1234').toString('hex'));
    const digestInfo = '3031300D060960864801650304020105000420' + '00'.repeat(32);
    card.reset();
    send(card, '00A4040C0AD392F000260100000001');
    expect(sw(send(card, '802A009733' + digestInfo + '00'))).toBe('9000');
    card.powerOff();
    card.powerOn();
    send(card, '00A4040C0AD392F000260100000001');
    expect(send(card, '802A009733' + digestInfo + '00')).toBe('6982');
  });

  it('refuses logical channels (6881), secure messaging (6882/69FC), unknown CLA (6E00) and INS (6D00)', async () => {
    const card = await poweredCard();
    expect(send(card, '01A4040C0AD392F000260100000001')).toBe('6881');
    expect(send(card, '0CA4040C0AD392F000260100000001')).toBe('6882');
    expect(send(card, '0CB0000004')).toBe('69FC');
    expect(send(card, 'A0A4040C0AD392F000260100000001')).toBe('6E00');
    expect(send(card, '00CA004200')).toBe('6D00');
  });

  it('keeps the try counter across power cycles and only a correct VERIFY restores it', async () => {
    const card = await poweredCard();
    send(card, '00A4040C0AD392F000260100000001');
    expect(send(card, '0020009804' + Buffer.from('0000').toString('hex'))).toBe('63C2');
    card.powerOff();
    card.powerOn();
    send(card, '00A4040C0AD392F000260100000001');
    expect(send(card, '00200098')).toBe('63C2');
    expect(send(card, '0020009804' + Buffer.from('1234').toString('hex'))).toBe('9000');
    expect(send(card, '00200098')).toBe('63C3');
  });

  it('answers GET CHALLENGE with random bytes and refuses an extended Le (6985)', async () => {
    const card = await poweredCard();
    expect(send(card, '0084000010')).toMatch(/^[0-9A-F]{32}9000$/);
    expect(send(card, '00840000000101')).toBe('6985');
  });
});
