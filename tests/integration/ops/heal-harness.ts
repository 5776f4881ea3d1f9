/**
 * The kiosk's reader stack as ops wires it (card module's PcscReaderSource → CardSourceReaderStack
 * → ReaderHealer + Watchdog), on a private pcscd. Shared by the integration test and bench/heal.ts.
 * The source's own retry is pushed out of reach, so any recovery seen here is the healer's.
 */
import { PcscReaderSource } from '../../../src/main/card/pcsc-reader-source.js';
import type { CardReaderSource } from '../../../src/main/card/transport.js';
import { CardSourceReaderStack } from '../../../src/main/ops/card-source-reader-stack.js';
import { systemClock } from '../../../src/main/ops/clock.js';
import type { KioskActivity } from '../../../src/main/ops/kiosk-activity.js';
import { ReaderHealer, type HealState } from '../../../src/main/ops/reader-healer.js';
import { pcscdCheck, readerCheck } from '../../../src/main/ops/system-checks.js';
import { Watchdog } from '../../../src/main/ops/watchdog.js';
import { PrivatePcscd } from './private-pcscd.js';

const idle: KioskActivity = { isIdle: () => true, onIdle: () => () => undefined };

export interface HealHarness {
  readonly pcscd: PrivatePcscd;
  readonly stack: CardSourceReaderStack;
  readonly healer: ReaderHealer;
  readonly watchdog: Watchdog;
  /** Sources handed to the reader monitor by `reconnect`. */
  readonly attached: CardReaderSource[];
  readonly escalations: number;
  waitFor(predicate: (s: HealState) => boolean, timeoutMs: number): Promise<HealState>;
  dispose(): Promise<void>;
}

export async function startHealHarness(): Promise<HealHarness> {
  const pcscd = await PrivatePcscd.create();
  await pcscd.start();
  process.env.PCSCLITE_CSOCK_NAME = pcscd.socketPath;
  const attached: CardReaderSource[] = [];
  let escalations = 0;
  const stack = new CardSourceReaderStack({
    createSource: () => new PcscReaderSource({ restartDelayMs: 3_600_000 }),
    attach: (source) => void attached.push(source),
    socketPath: pcscd.socketPath,
  });
  const healer = new ReaderHealer({ stack, clock: systemClock, activity: idle, escalate: async () => void escalations++ });
  const watchdog = new Watchdog({
    clock: systemClock,
    intervalMs: 500,
    checks: [pcscdCheck(stack), readerCheck(stack)],
    onFailure: () => healer.trigger(),
  });
  const waitFor = (predicate: (s: HealState) => boolean, timeoutMs: number) =>
    new Promise<HealState>((resolve, reject) => {
      if (predicate(healer.current())) return resolve(healer.current());
      const timer = setTimeout(() => {
        off();
        reject(new Error(`heal state stayed ${JSON.stringify(healer.current())}`));
      }, timeoutMs);
      const off = healer.onChange((s) => {
        if (!predicate(s)) return;
        clearTimeout(timer);
        off();
        resolve(s);
      });
    });
  return {
    pcscd,
    stack,
    healer,
    watchdog,
    attached,
    get escalations() {
      return escalations;
    },
    waitFor,
    async dispose() {
      watchdog.stop();
      healer.stop();
      await stack.close();
      await pcscd.dispose();
    },
  };
}
