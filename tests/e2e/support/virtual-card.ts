/**
 * The demo world's virtual card as a test or benchmark drives it, and the moment the kiosk is
 * ready for it. Shared by the flow e2e tests and bench/flow.ts.
 */
import { readFileSync } from 'node:fs';
import { controlFileSchema, controlFilePath } from '../../../sim/card/control-server.js';
import { waitForLog, type KioskProcess } from './kiosk.js';

/** Places and lifts the virtual card. */
export interface CardHand {
  insert(persona: string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * The virtual card of this test's own demo world on vpcd slot 0, as `npm run sim:card` drives it.
 * Its control endpoint is taken once, when the world has just written its control file, so a
 * stray run on the same machine that rewrites the file later is caught by name at start instead
 * of silently receiving our cards.
 */
export class VirtualCard implements CardHand {
  private constructor(private readonly control: { port: number; token: string }) {}

  static of(kiosk: KioskProcess): VirtualCard {
    const worldPid = Number(/"pid":(\d+),"msg":"demo world running/.exec(kiosk.log())?.[1]);
    const control = controlFileSchema.parse(JSON.parse(readFileSync(controlFilePath(0), 'utf8')));
    if (control.pid !== worldPid) {
      throw new Error(`vpcd slot 0 is driven by process ${control.pid}, not this kiosk's demo world (${worldPid}): another run uses slot 0 without the lock`);
    }
    return new VirtualCard(control);
  }

  insert(persona: string): Promise<void> {
    return this.post('/insert', { persona });
  }

  remove(): Promise<void> {
    return this.post('/remove');
  }

  private async post(path: string, body?: unknown): Promise<void> {
    const response = await fetch(`http://127.0.0.1:${this.control.port}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.control.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`virtual card refused ${path}: ${await response.text()}`);
  }
}

/**
 * Waits until the kiosk watches the demo reader. At start-up the ops layer may see the reader
 * stack down and heal it (E-OPS-010) a moment after the reader first appears; a card placed
 * during that heal is not noticed (reported to the lead), so a test waits for the heal too.
 */
export async function readerReady(kiosk: KioskProcess): Promise<void> {
  await waitForLog(kiosk, /"event":"reader-added"/);
  if (/healing itself/.test(kiosk.log())) await waitForLog(kiosk, /reader stack healed/);
}
