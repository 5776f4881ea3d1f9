import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { controlFilePath } from '../../../sim/card/control-server.js';
import { startVirtualCard } from '../../../sim/card/controller.js';

describe('startVirtualCard (in-process link) and its control endpoint', () => {
  it('inserts, swaps and removes personas, over the API and over the token-guarded endpoint', async () => {
    const controller = await startVirtualCard({ slot: 7, link: 'in-process', persona: 'normal-adult', control: true });
    try {
      const seen: string[] = [];
      controller.readerSource?.subscribe((e) => seen.push(e.type));
      expect(controller.current()).toBe('normal-adult');
      const { port, token } = JSON.parse(readFileSync(controlFilePath(7), 'utf8')) as { port: number; token: string };
      const call = (path: string, body?: unknown, auth = token) =>
        fetch(`http://127.0.0.1:${port}${path}`, { method: body === undefined && path === '/status' ? 'GET' : 'POST', headers: { authorization: `Bearer ${auth}` }, ...(body ? { body: JSON.stringify(body) } : {}) });
      expect((await call('/insert', { persona: 'pin-blocked' }, 'not-the-token')).status).toBe(401);
      expect((await call('/insert', { persona: 'pin-blocked' })).status).toBe(200);
      expect(controller.current()).toBe('pin-blocked');
      expect((await call('/insert', { persona: 'no-such-persona' })).status).toBe(400);
      expect((await call('/remove', {})).status).toBe(200);
      expect(controller.current()).toBeUndefined();
      expect(seen).toEqual(['reader-added', 'card-present', 'card-absent', 'card-present', 'card-absent']);
    } finally {
      await controller.close();
    }
    expect(() => readFileSync(controlFilePath(7))).toThrow();
  });
});
