/**
 * Drives the demo's virtual card the way `npm run sim:card -- insert <persona>` does: through the
 * controller's token-guarded control endpoint, found by its control file.
 */
import { readFileSync } from 'node:fs';
import { controlFilePath, controlFileSchema } from '../../../sim/card/control-server.js';

async function call(slot: number, path: '/insert' | '/remove', body?: unknown): Promise<void> {
  const control = controlFileSchema.parse(JSON.parse(readFileSync(controlFilePath(slot), 'utf8')));
  const response = await fetch(`http://127.0.0.1:${control.port}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${control.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`virtual card refused ${path}: ${await response.text()}`);
}

export const insertCard = (persona: string, slot = 0) => call(slot, '/insert', { persona });
export const removeCard = (slot = 0) => call(slot, '/remove');
