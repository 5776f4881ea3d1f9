/**
 * `npm run sim:card -- <command>`: control the virtual card.
 *   list                      personas and what each one tests
 *   insert <persona> [--slot N]  insert into the running kiosk's virtual slot; with no kiosk
 *                             running, become the card holder ourselves (a vpcd client) until Ctrl-C
 *   remove [--slot N]         pull the card
 *   status [--slot N]         which persona is inserted
 */
import { readFileSync } from 'node:fs';
import { listPersonas } from './persona.js';
import { controlFilePath, controlFileSchema } from './control-server.js';
import { startVirtualCard } from './controller.js';

async function callRunning(slot: number, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  let control: { port: number; token: string };
  try {
    control = controlFileSchema.parse(JSON.parse(readFileSync(controlFilePath(slot), 'utf8')));
  } catch {
    return undefined;
  }
  try {
    const res = await fetch(`http://127.0.0.1:${control.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${control.token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`virtual card refused: ${JSON.stringify(json)}`);
    return json;
  } catch (e) {
    if (e instanceof TypeError) return undefined; // stale control file: nobody listening
    throw e;
  }
}

async function main(argv: string[]): Promise<void> {
  const slotFlag = argv.indexOf('--slot');
  const slot = slotFlag >= 0 ? Number(argv[slotFlag + 1]) : 0;
  const [command, persona] = slotFlag >= 0 ? argv.filter((_, i) => i !== slotFlag && i !== slotFlag + 1) : argv;
  switch (command) {
    case 'list':
      for (const p of listPersonas()) console.log(`${p.id.padEnd(18)} ${p.summary}`);
      return;
    case 'status': {
      const status = await callRunning(slot, 'GET', '/status');
      console.log(status ? JSON.stringify(status) : `no virtual card controller on slot ${slot}`);
      return;
    }
    case 'remove': {
      const done = await callRunning(slot, 'POST', '/remove');
      console.log(done ? `removed card from slot ${slot}` : `no virtual card controller on slot ${slot}`);
      return;
    }
    case 'insert': {
      if (!persona) throw new Error('usage: sim:card -- insert <persona> [--slot N]');
      if (await callRunning(slot, 'POST', '/insert', { persona })) {
        console.log(`inserted ${persona} into slot ${slot}`);
        return;
      }
      const controller = await startVirtualCard({ slot, persona, control: true });
      console.log(`holding ${persona} in vpcd slot ${slot}; use "sim:card -- insert/remove" from another shell, Ctrl-C to pull the card`);
      const stop = () => void controller.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    default:
      console.log('usage: npm run sim:card -- list | status | insert <persona> | remove  [--slot N]');
      process.exitCode = command ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
