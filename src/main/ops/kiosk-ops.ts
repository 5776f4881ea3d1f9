/**
 * Operations wired together for a running kiosk: the facility credentials behind the staff port
 * and the admin screen, the watchdog with its checks, the reader healer, the nightly restart
 * scheduler and the diagnostics snapshot. The composition root hands in what only it knows (the
 * reader stack, the session's activity, how to relaunch); everything here is the ops module's.
 */
import type { JpkiTrust } from '../card/jpki.js';
import type { CardReaderSource } from '../card/transport.js';
import type { Logger } from '../core/logger.js';
import type { KioskStore } from '../store/kiosk-store.js';
import { CameraStatusBoard } from './camera-status.js';
import { systemClock, type OpsClock } from './clock.js';
import { settingsCredentialStorage } from './credential-storage.js';
import { diagnosticsSnapshot, type DiagnosticsSnapshot } from './diagnostics.js';
import { OPS_ERRORS } from './error-codes.js';
import { flagCheck, type CheckName } from './health-check.js';
import type { KioskActivity } from './kiosk-activity.js';
import { kioskLogPath } from './kiosk-log.js';
import { logFault, recentCodedLines } from './ops-log.js';
import { ReaderHealer } from './reader-healer.js';
import type { ReaderStack } from './reader-stack.js';
import type { RestartHistory } from './restart-history.js';
import { createRestartRunner, type RestartCapabilities } from './restart-runner.js';
import { RestartScheduler } from './restart-scheduler.js';
import { runSelfTest, type SelfTestResult } from './self-test.js';
import { CardPresence, probeCard } from './self-test-card.js';
import { probeFaceModel, type FaceProbeResult } from './self-test-face.js';
import { createFacilityCredentials, type FacilityCredentials } from './staff-passcode.js';
import { diskCheck, pcscdCheck, readerCheck, serviceCheck } from './system-checks.js';
import { Watchdog } from './watchdog.js';

export interface KioskOpsDeps {
  readonly store: KioskStore;
  readonly log: Logger;
  readonly dataDir: string;
  readonly activity: KioskActivity;
  readonly stack: ReaderStack;
  /** The scheduler's clock: the system clock, or the demo-only test clock (scaled-clock.ts). */
  readonly schedulerClock: OpsClock;
  readonly modelsLoaded: () => boolean;
  readonly serviceEndpoint: () => string;
  readonly capabilities: RestartCapabilities;
  /** The self-test's PIN-free card read: the reader source the monitor uses, and the JPKI CAs. */
  readonly cards: { readonly source: CardReaderSource; readonly trust: JpkiTrust };
  /** The self-test's face step; by default the real pipeline on the built-in image. */
  readonly faceProbe?: () => Promise<FaceProbeResult>;
}

export interface KioskOps {
  readonly credentials: FacilityCredentials;
  readonly camera: CameraStatusBoard;
  readonly watchdog: Watchdog;
  readonly healer: ReaderHealer;
  readonly scheduler: RestartScheduler;
  diagnostics(): DiagnosticsSnapshot;
  /**
   * Every check now, then the card (if one lies on the reader at standby), the face model on the
   * built-in image and the service. A request while one runs gets the running one.
   */
  selfTest(): Promise<SelfTestResult>;
  /** Arms the scheduler with the stored schedule and runs the first round of checks once the readers are listed. */
  start(): void;
  stop(): void;
}

/** Coded log lines shown on the diagnostics page. */
const LOG_LINES_SHOWN = 50;

/** Longest wait at start for the PC/SC context's first reader listing (vpcd: 100-400 ms). */
export const FIRST_LISTING_MS = 2_000;

/**
 * A fresh PC/SC context lists its readers a moment after it opens (pcsclite asks pcscd
 * asynchronously). A check before that saw "no reader", woke the healer, which logged E-OPS-010
 * and replaced the context at every start, and a card placed meanwhile went unnoticed. So the
 * first round of checks waits for the listing, up to `ms`; with pcscd down there is nothing to
 * wait for and healing starts at once.
 */
export async function firstReaderListing(stack: ReaderStack, ms = FIRST_LISTING_MS): Promise<void> {
  if (!(await stack.daemonAlive())) return;
  const until = Date.now() + ms;
  while (stack.readers().length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
}

export function createKioskOps(deps: KioskOpsDeps): KioskOps {
  const { store, log } = deps;
  const credentials = createFacilityCredentials({ storage: settingsCredentialStorage(store.settings), audit: store.audit });
  const camera = new CameraStatusBoard(systemClock);
  const run = createRestartRunner(deps.capabilities);

  const presence = new CardPresence(deps.cards.source);
  const service = serviceCheck(deps.serviceEndpoint);
  let lastSelfTest: SelfTestResult | null = null;
  let selfTestRunning: Promise<SelfTestResult> | undefined;
  let stopped = false;

  const healer = new ReaderHealer({
    stack: deps.stack,
    clock: systemClock,
    activity: deps.activity,
    escalate: () => run(store.settings.get('restartSchedule').action),
    log: (event) => {
      if (event.kind === 'healed') log.info({ durationMs: event.durationMs }, 'reader stack healed');
      else if (event.kind === 'heal-started') logFault(log, codeOf(healer), 'reader stack down: healing itself');
      else logFault(log, event.code ?? OPS_ERRORS.HEAL_ESCALATED.code, event.kind);
    },
  });

  // Log a check only when it changes colour: a red check is re-run every 5 s.
  const lastOk = new Map<CheckName, boolean | undefined>();
  const watchdog = new Watchdog({
    clock: systemClock,
    checks: [
      readerCheck(deps.stack),
      pcscdCheck(deps.stack),
      camera.check(),
      flagCheck('models', deps.modelsLoaded, OPS_ERRORS.MODELS_NOT_LOADED),
      service,
      diskCheck(deps.dataDir),
    ],
    onFailure: (name) => {
      if (name === 'pcscd' || name === 'reader') healer.trigger();
    },
  });
  watchdog.onChange((states) => {
    for (const s of states) {
      if (s.ok === lastOk.get(s.name)) continue;
      lastOk.set(s.name, s.ok);
      if (s.ok === false && s.lastError) logFault(log, s.lastError.code, `check ${s.name} red: ${s.lastError.message}`, { check: s.name });
      else if (s.ok === true) log.info({ check: s.name }, 'check green');
    }
  });

  // A heal starting or ending re-runs the checks at once, so the diagnostics page shows the
  // episode even when it is shorter than the 5 s round.
  let healState = healer.current().state;
  healer.onChange((state) => {
    if (state.state === healState) return;
    healState = state.state;
    void watchdog.runAll();
  });

  const history: RestartHistory = {
    append(record) {
      store.restarts.append(record);
      if (record.errorCode) logFault(log, record.errorCode, `scheduled restart ${record.outcome}`, { slotAtMs: record.slotAtMs, ...(record.reason ? { reason: record.reason } : {}) });
      else log.info({ slotAtMs: record.slotAtMs, action: record.action }, `scheduled restart ${record.outcome}`);
    },
    lastHandledSlotMs: () => store.restarts.lastHandledSlotMs(),
  };
  const scheduler = new RestartScheduler({ clock: deps.schedulerClock, activity: deps.activity, history, run });
  scheduler.onStatus((status) => {
    if (status.state === 'deferred') log.info({ slot: status.slot.toISOString(), windowEnd: status.windowEnd.toISOString() }, 'scheduled restart deferred: a patient is at the kiosk');
  });

  return {
    credentials,
    camera,
    watchdog,
    healer,
    scheduler,
    diagnostics: () =>
      diagnosticsSnapshot({
        now: () => systemClock.now(),
        checks: () => watchdog.snapshot(),
        reader: () => healer.current(),
        restart: () => scheduler.current(),
        log: () => recentCodedLines(kioskLogPath(deps.dataDir), LOG_LINES_SHOWN),
        selfTest: () => lastSelfTest,
      }),
    selfTest() {
      selfTestRunning ??= (async () => {
        await watchdog.runAll();
        const result = await runSelfTest({
          card: () => probeCard({ source: deps.cards.source, presence, trust: deps.cards.trust, idle: () => deps.activity.isIdle() }),
          face: deps.faceProbe ?? (() => probeFaceModel()),
          service,
          now: () => systemClock.now(),
        });
        for (const s of result.steps) {
          if (s.outcome === 'failed') logFault(log, s.code, `self-test ${s.name} failed: ${s.message}`, { step: s.name });
          else log.info({ step: s.name, outcome: s.outcome }, 'self-test step');
        }
        lastSelfTest = result;
        return result;
      })().finally(() => {
        selfTestRunning = undefined;
      });
      return selfTestRunning;
    },
    start() {
      // Running again after a scheduled relaunch: that relaunch is complete.
      const [last] = store.restarts.recent(1);
      if (last?.outcome === 'started' && last.action === 'relaunch-kiosk') history.append({ ...last, atMs: deps.schedulerClock.now().getTime(), outcome: 'completed' });
      scheduler.start(store.settings.get('restartSchedule'));
      void firstReaderListing(deps.stack).then(() => {
        if (!stopped) void watchdog.start();
      });
    },
    stop() {
      stopped = true;
      presence.close();
      watchdog.stop();
      healer.stop();
      scheduler.stop();
    },
  };
}

function codeOf(healer: ReaderHealer): string {
  const s = healer.current();
  return s.state === 'healing' ? s.code : OPS_ERRORS.PCSCD_DOWN.code;
}
