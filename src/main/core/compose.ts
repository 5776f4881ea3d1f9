/**
 * Composition root: config → store → ports → session runner → core. The only file that knows
 * which implementation stands behind each port. Both shells call `startKiosk`; tests call it too,
 * with a temporary data directory, so what they exercise is what patients get.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openKioskStore, type KioskStore } from '../store/kiosk-store.js';
import { PcscReaderSource } from '../card/pcsc-reader-source.js';
import { ReaderMonitor } from '../card/reader-monitor.js';
import type { JpkiTrust } from '../card/jpki.js';
import { HttpQualificationGateway } from '../qualification/http-gateway.js';
import { ConfirmationService } from '../qualification/confirmation-service.js';
import { ReceiptWriter } from '../qualification/receipt-writer.js';
import { DEFAULT_SESSION_CONFIG, type SessionConfig } from '../session/config.js';
import { initialState } from '../session/state.js';
import { reduce } from '../session/reducer.js';
import { toSnapshot } from '../session/snapshot.js';
import type { SessionEvent } from '../session/events.js';
import type { AuditEvent } from '../session/audit.js';
import type { AuditDetail } from '../store/audit-log.js';
import { createKioskCore, type KioskCore } from './kiosk-core.js';
import { createSessionRunner } from './session-runner.js';
import { createEffectRunner, type KioskPorts } from './effect-runner.js';
import { unavailablePorts } from './unavailable-ports.js';
import { createCardLink, readCertificateAgain } from './card-port.js';
import { createConsentPort } from './consent-port.js';
import { ASSUME_REGISTERED, createQualificationLink, type QualificationLink, type RegistrationDirectory } from './qualification-port.js';
import { configuredJpkiTrust } from './jpki-trust.js';
import { DEMO_READER, ensurePcscdForDemo, startDemoWorld, type DemoWorld } from './demo-services.js';
import { loadDeviceKey, type DeviceKey } from './device-key.js';
import type { KioskConfig } from './config.js';
import type { Logger } from './logger.js';
import { CardSourceReaderStack } from '../ops/card-source-reader-stack.js';
import { SwitchableReaderSource } from '../ops/switchable-reader-source.js';
import { pcscdSocketPath } from '../ops/pcscd-socket.js';
import { createKioskOps, type KioskOps } from '../ops/kiosk-ops.js';
import { sessionActivity } from '../ops/session-activity.js';
import { ReceptionHistory } from '../ops/reception-history.js';
import { schedulerClockFromEnv } from '../ops/scaled-clock.js';
import { faceModelsPresent } from '../ops/models-present.js';
import { OPS_ERRORS } from '../ops/error-codes.js';
import { KioskError } from '../../shared/errors.js';
import type { SessionState } from '../session/state.js';
import { createAdminService, type AdminService } from '../ops/admin-service.js';
import type { CameraFrameSink } from './camera-frames.js';
import { startFaceServices } from './face-services.js';

export interface RunningKiosk {
  core: KioskCore;
  /** Where the shells deliver camera frames (the face matcher while a face session runs). */
  frames: CameraFrameSink;
  /** Feeds a hardware or service event into the session (reader monitor, tests). */
  dispatchEvent(event: SessionEvent): void;
  /** Operations: credentials, watchdog, healer, restart scheduler, diagnostics (src/main/ops). */
  ops: KioskOps;
  /** Recent results and error codes for the staff panel (memory only). */
  reception: ReceptionHistory;
  /** The staff/admin channel (src/shared/admin.ts) the shells carry beside intents. */
  admin: AdminService;
  close(): Promise<void>;
}

/**
 * The facility's settings decide which consent items, questions and languages the session offers
 * and how long screens wait. Read again at every card insertion, so an admin change applies from
 * the next patient (and at standby at once, through the admin service's settingsChanged).
 */
function sessionConfigFrom(store: KioskStore): SessionConfig {
  const timeouts = store.settings.get('screenTimeouts');
  return {
    ...DEFAULT_SESSION_CONFIG,
    consentItems: store.settings.get('consentItems'),
    askPrescription: store.settings.get('askPrescription'),
    languagesOffered: store.settings.get('languagesOffered'),
    timeoutsMs: {
      ...DEFAULT_SESSION_CONFIG.timeoutsMs,
      patient: timeouts.patientSeconds * 1000,
      staff: timeouts.staffSeconds * 1000,
      error: timeouts.errorSeconds * 1000,
    },
  };
}

export interface StartOptions {
  /**
   * How this shell relaunches the kiosk (the restart action "relaunch-kiosk"): Electron relaunches
   * the app; the browser host exits with RELAUNCH_EXIT_CODE for scripts/start.mjs to start it again.
   */
  readonly relaunch?: () => Promise<void>;
  /**
   * A simulated world the caller already runs (integration tests with a private pcscd and their
   * own virtual card), used instead of starting the demo's child process. Needs config.demo.
   */
  readonly world?: DemoWorld;
}

/** The healer owns recovery after pcscd dies; the source's own retry would only race it. */
const SOURCE_RETRY_OUT_OF_REACH_MS = 3_600_000;

/** Per-attempt deadline for the qualification service; the session's own timeout is longer. */
const SERVICE_TIMEOUT_MS = 8_000;
/** How often queued confirmations (未確認) are retried. */
const DRAIN_INTERVAL_MS = 60_000;
/** vsmartcard's readers exist only for the simulator; a kiosk without the demo uses real ones. */
const isVirtualReader = (name: string) => name.startsWith('Virtual PCD');

export async function startKiosk(config: KioskConfig, log: Logger, options: StartOptions = {}): Promise<RunningKiosk> {
  mkdirSync(config.dataDir, { recursive: true });
  const store = openKioskStore(join(config.dataDir, 'kiosk.sqlite'));
  const verdict = store.audit.verify();
  if (!verdict.ok) log.error({ code: 'E-STORE-002', verdict }, '監査ログの改ざんまたは破損を検出 / audit chain broken');
  const now = () => new Date();

  const device = await loadDeviceKey(join(config.dataDir, 'device-key.json'));
  const demo = config.demo ? (options.world ?? (await startDemo(device, log))) : undefined;
  const trust: JpkiTrust = demo?.trust ?? configuredJpkiTrust(config.jpkiCaFiles ?? [], log);

  const readerFilter = config.demo ? (name: string) => name === DEMO_READER : (name: string) => !isVirtualReader(name);
  // The reader monitor reads from a switchable source: the healer swaps in a fresh PC/SC context
  // after pcscd comes back. A patient's card session died with pcscd, so it ends first.
  const stack = new CardSourceReaderStack({
    createSource: () => new PcscReaderSource({ readerFilter, restartDelayMs: SOURCE_RETRY_OUT_OF_REACH_MS }),
    attach: (fresh) => {
      if (runner.snapshot().screen !== 'standby') runner.dispatchEvent({ type: 'card-removed' });
      source.switchTo(fresh);
    },
    socketPath: pcscdSocketPath(),
  });
  const source = new SwitchableReaderSource(stack.current());
  const monitor = new ReaderMonitor(source, { trust });
  // Late-bound: the card link asks "registered?" of the qualification link, which signs with the card.
  const qualification: { link?: QualificationLink } = {};
  const cards = createCardLink({
    subscribe: (listener) => monitor.on(listener),
    isRegistered: async (card) => (qualification.link ? qualification.link.isRegistered(card) : false),
    expiredCertificate: (reader) => readCertificateAgain(source, reader, trust),
    now,
    log,
  });
  const service = startQualification(store, device, demo, cards.current, now, log, config.dataDir);
  qualification.link = service?.link;

  const face = startFaceServices({
    // The demo's virtual card sits in vpcd slot 0 (DEMO_READER).
    ...(demo ? { demoSlot: 0 } : {}),
    ...(config.cardFaceDevice ? { cardFaceDevice: config.cardFaceDevice } : {}),
    currentCard: cards.current,
    now,
    log,
  });

  const ports: KioskPorts = {
    ...unavailablePorts(),
    face: face.port,
    // Late-bound like the qualification link: ops needs the session's activity, built below.
    staff: { verifyPasscode: async (passcode) => (await ops.credentials.staff.verify(passcode.reveal(), now())).ok },
    card: cards.port,
    consents: createConsentPort(store.consents, cards.current, now),
    ...(service ? { qualification: service.link.port } : {}),
    // A failing append is logged by the effect runner, which guards every fire-and-forget effect.
    audit: {
      append: ({ kind, ...detail }: AuditEvent) => store.audit.append(`session.${kind}`, detail as AuditDetail),
    },
    now,
  };

  const effects = createEffectRunner(ports, log);
  const runner = createSessionRunner(
    {
      initial: initialState(sessionConfigFrom(store)),
      reduce: (state, event) => reduce(withCurrentSettings(state, event, store), event),
      revision: (state) => state.revision,
      toSnapshot,
    },
    effects,
    (err) => log.error({ err }, 'snapshot listener failed'),
  );
  effects.start(runner.dispatchEvent);
  // 顔認証 is offered until the face services say they cannot work (no scanner, models missing).
  void face.available.then((available) => runner.dispatchEvent({ type: 'face-availability', available }));
  // Back at standby the patient is gone: power the card down so a verified PIN does not linger.
  runner.subscribe((snapshot) => {
    if (snapshot.screen === 'standby') void cards.endCard();
  });
  cards.start(runner.dispatchEvent);
  monitor.start();

  const reception = new ReceptionHistory(now);
  runner.subscribe((snapshot) => reception.observe(snapshot));
  const activity = sessionActivity({ current: runner.snapshot, subscribe: runner.subscribe });
  const ops: KioskOps = createKioskOps({
    store,
    log,
    dataDir: config.dataDir,
    activity,
    stack,
    schedulerClock: schedulerClockFromEnv(process.env, config.demo, log),
    modelsLoaded: () => faceModelsPresent(),
    serviceEndpoint: () => demo?.serviceUrl ?? store.settings.get('qualificationEndpoint'),
    cards: { source, trust },
    capabilities: {
      // A shell that cannot relaunch makes the slot "failed" (E-OPS-006), never a silent "completed".
      relaunchKiosk:
        options.relaunch ??
        (async () => {
          throw new KioskError(OPS_ERRORS.RESTART_FAILED.code, `${OPS_ERRORS.RESTART_FAILED.message} (no relaunch in this shell)`);
        }),
      resetCardStack: async () => {
        await stack.reestablish();
        await stack.reconnect();
      },
    },
  });
  ops.start();
  const admin = createAdminService({
    store,
    ops,
    reception,
    session: { current: runner.snapshot },
    pending: () => service?.pending() ?? [],
    // Saved settings reach the standby screen at once (the language buttons), not only the next patient.
    settingsChanged: () => runner.dispatchEvent({ type: 'settings-changed', config: sessionConfigFrom(store) }),
    now,
    log,
  });

  const core = createKioskCore(
    {
      snapshot: runner.snapshot,
      // The camera report is for the watchdog, not the reception session.
      dispatch: (intent) => (intent.type === 'camera-status' ? ops.camera.report(intent) : runner.dispatchEvent({ type: 'intent', intent })),
      subscribe: runner.subscribe,
      close: runner.close,
    },
    log,
  );

  return {
    core,
    frames: face.frames,
    dispatchEvent: runner.dispatchEvent,
    ops,
    reception,
    admin,
    async close() {
      ops.stop();
      activity.close();
      await core.close();
      await face.close();
      service?.stopDrain();
      await cards.close();
      await monitor.stop();
      await source.close();
      await stack.close();
      await demo?.close();
      store.close();
    },
  };
}

/** A new patient gets the settings as they are now (consent items, questions, timeouts). */
function withCurrentSettings(state: SessionState, event: SessionEvent, store: KioskStore): SessionState {
  return event.type === 'card-inserted' && state.phase.name === 'standby' ? { ...state, config: sessionConfigFrom(store) } : state;
}

/** The demo's pcscd and simulated world; without them the kiosk still starts (staff code logged). */
async function startDemo(device: DeviceKey, log: Logger): Promise<DemoWorld | undefined> {
  await ensurePcscdForDemo(log);
  try {
    return await startDemoWorld(device, log);
  } catch (err) {
    log.error({ err, code: err instanceof Error && 'code' in err ? err.code : undefined }, 'demo world did not start; the kiosk runs without card and service simulators');
    return undefined;
  }
}

function startQualification(
  store: KioskStore,
  device: DeviceKey,
  demo: DemoWorld | undefined,
  currentCard: Parameters<typeof createQualificationLink>[0]['currentCard'],
  now: () => Date,
  log: Logger,
  dataDir: string,
): { link: QualificationLink; stopDrain: () => void; pending: () => ReturnType<ConfirmationService['pending']> } | undefined {
  const serviceUrl = demo?.serviceUrl ?? store.settings.get('qualificationEndpoint');
  const directory: RegistrationDirectory = demo?.directory ?? ASSUME_REGISTERED;
  let receipts: ReceiptWriter;
  try {
    receipts = new ReceiptWriter(resolve(dataDir, store.settings.get('receiptFolder')));
  } catch (err) {
    log.error({ err, code: err instanceof Error && 'code' in err ? err.code : undefined }, 'レセコン folder unusable: qualification checks are off');
    return undefined;
  }
  const gateway = new HttpQualificationGateway({ baseUrl: serviceUrl, timeoutMs: SERVICE_TIMEOUT_MS });
  const confirmations = new ConfirmationService({ store, gateway, attester: device.attester, receipts });
  const link = createQualificationLink({ confirmations, gateway, serviceUrl, timeoutMs: SERVICE_TIMEOUT_MS, directory, consents: store.consents, currentCard, now, log });
  log.info({ serviceUrl, deviceId: device.deviceId }, 'qualification service');
  return { link, stopDrain: confirmations.startAutoDrain(DRAIN_INTERVAL_MS), pending: () => confirmations.pending() };
}
