import { describe, expect, it } from 'vitest';
import { CardChannel } from '../../../src/main/card/card-channel.js';

/** A transport that answers from a script and records what it was sent. */
function scripted(answers: string[]) {
  const sent: string[] = [];
  const channel = new CardChannel({
    transmit: async (apdu) => {
      sent.push(Buffer.from(apdu).toString('hex').toUpperCase());
      const next = answers.shift();
      if (next === undefined) throw new Error('script exhausted');
      return Buffer.from(next, 'hex');
    },
    disconnect: async () => undefined,
  });
  return { channel, sent };
}

describe('card channel (ISO 7816-4 response handling the pcsclite binding leaves to us)', () => {
  it('follows 61xx with GET RESPONSE and joins the data', async () => {
    const { channel, sent } = scripted(['AABB6102', 'CCDD9000']);
    const r = await channel.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 });
    expect(Buffer.from(r.data).toString('hex')).toBe('aabbccdd');
    expect(r.sw).toBe(0x9000);
    expect(sent).toEqual(['00B0000000', '00C0000002']);
    expect(channel.apduCount).toBe(2);
  });

  it('resends with the exact Le on 6Cxx', async () => {
    const { channel, sent } = scripted(['6C05', '01020304059000']);
    const r = await channel.send({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 16 });
    expect(r.data.length).toBe(5);
    expect(sent).toEqual(['0084000010', '0084000005']);
  });

  it('gives up on a card that answers 61xx forever, with CARD_BROKEN', async () => {
    const { channel } = scripted(Array.from({ length: 400 }, () => '6101'));
    await expect(channel.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 1 })).rejects.toMatchObject({ reason: 'CARD_BROKEN' });
  });
});
