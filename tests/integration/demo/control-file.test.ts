/**
 * The sim:card control file (<tmp>/open-kao-kiosk/card-slot-<n>.json) is deleted only by the
 * server that wrote it, so two tools on one slot (a demo kiosk and a test run) do not cut each
 * other's CLI off. Uses slot 9, which no reader, demo or test uses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { controlFilePath, controlFileSchema, startControlServer, type ControlTarget } from '../../../sim/card/control-server.js';

const SLOT = 9;
const file = controlFilePath(SLOT);

/** A card slot that only remembers which persona it holds. */
function fakeSlot(): ControlTarget {
  let persona: string | undefined;
  return {
    insert: async (id) => void (persona = id),
    remove: async () => void (persona = undefined),
    current: () => persona,
  };
}

/** What `npm run sim:card -- status` does: read the file, ask the server it names. */
async function statusViaFile(): Promise<unknown> {
  const control = controlFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const response = await fetch(`http://127.0.0.1:${control.port}/status`, { headers: { authorization: `Bearer ${control.token}` } });
  return response.json();
}

afterEach(() => rmSync(file, { force: true }));

describe('control file ownership', () => {
  it('a server alone on its slot removes its file when it closes', async () => {
    const only = await startControlServer(SLOT, fakeSlot());
    expect(existsSync(file)).toBe(true);
    await only.close();
    expect(existsSync(file)).toBe(false);
  });

  it('the older of two servers on one slot leaves the newer one\'s file in place when it closes', async () => {
    const olderSlot = fakeSlot();
    const newerSlot = fakeSlot();
    await newerSlot.insert('normal-adult');
    const older = await startControlServer(SLOT, olderSlot);
    const newer = await startControlServer(SLOT, newerSlot);
    await older.close();
    expect(await statusViaFile()).toEqual({ persona: 'normal-adult' });
    await newer.close();
    expect(existsSync(file)).toBe(false);
  });

  it('a file another process wrote over ours is not deleted at our close', async () => {
    const ours = await startControlServer(SLOT, fakeSlot());
    const theirs = JSON.stringify({ port: 1, token: 'another-tool', pid: process.pid + 1 });
    writeFileSync(file, theirs);
    await ours.close();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });
});
