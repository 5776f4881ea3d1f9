/**
 * The vpcd wire protocol against a scripted vpcd server: 2-byte big-endian length framing,
 * control codes 00/01/02/04, APDUs answered, and insert/remove as connect/close.
 */
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CardSlot } from '../../../sim/card/card-slot.js';
import { createPersonaCard } from '../../../sim/card/persona-card.js';
import { VpcdLink } from '../../../sim/card/vpcd-link.js';

function reader(socket: Socket) {
  let buffered = Buffer.alloc(0);
  const waiting: ((b: Buffer) => void)[] = [];
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0) && waiting.length > 0) {
      const n = buffered.readUInt16BE(0);
      const msg = buffered.subarray(2, 2 + n);
      buffered = buffered.subarray(2 + n);
      waiting.shift()!(msg);
    }
  });
  const send = (payload: Buffer) => {
    const frame = Buffer.alloc(2 + payload.length);
    frame.writeUInt16BE(payload.length, 0);
    payload.copy(frame, 2);
    socket.write(frame);
  };
  const exchange = (payload: Buffer) =>
    new Promise<Buffer>((resolve) => {
      waiting.push(resolve);
      send(payload);
      socket.emit('data', Buffer.alloc(0));
    });
  return { send, exchange };
}

describe('vpcd link', () => {
  it('connects on insert, answers ATR and APDUs in length-prefixed frames, and disconnects on remove', async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as { port: number }).port;
    const slot = new CardSlot('vpcd test');
    const link = new VpcdLink(slot, { port });
    try {
      const accepted = once(server, 'connection');
      slot.insert(await createPersonaCard('normal-adult'));
      await link.settled();
      const [socket] = (await accepted) as [Socket];
      expect(socket.remoteAddress).toMatch(/127\.0\.0\.1/);
      const vpcd = reader(socket);
      expect((await vpcd.exchange(Buffer.of(0x04))).toString('hex')).toBe('3be000ff8131fe4514');
      vpcd.send(Buffer.of(0x01)); // power on: no answer expected
      expect((await vpcd.exchange(Buffer.from('00A4040C0AD392F000260100000001', 'hex'))).toString('hex')).toBe('9000');
      expect((await vpcd.exchange(Buffer.from('00B0860020', 'hex'))).subarray(0, 15).toString('latin1')).toBe('JPKIAPICCTOKEN2');
      const closed = once(socket, 'end');
      slot.remove();
      await link.settled();
      await closed;
    } finally {
      await link.close();
      server.close();
    }
  });

  it('reports an unreachable vpcd with a message naming the port', async () => {
    const slot = new CardSlot('nowhere');
    const link = new VpcdLink(slot, { port: 1 });
    slot.insert(await createPersonaCard('normal-adult'));
    await expect(link.settled()).rejects.toThrow(/vpcd not reachable at 127\.0\.0\.1:1/);
    await link.close();
  });
});
