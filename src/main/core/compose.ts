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
import { DEMO_READER, ensurePcscdForDemo, startDemoWorld, type DemoWorld } from './demo-services.js';
import { loadDeviceKey, type DeviceKey } from './device-key.js';
import type { KioskConfig } from './config.js';
import type { Logger } from './logger.js';
import { NO_FACE_SESSION, type CameraFrameSink } from './camera-frames.js';

export interface RunningKiosk {
  core: KioskCore;
  /** Where the shells deliver camera frames (the face matcher while a face session runs). */
  frames: CameraFrameSink;
  /** Feeds a hardware or service event into the session (reader monitor, tests). */
  dispatchEvent(event: SessionEvent): void;
  close(): Promise<void>;
}

/** The facility's settings decide which consent items and questions the session asks. */
function sessionConfigFrom(store: KioskStore): SessionConfig {
  return {
    ...DEFAULT_SESSION_CONFIG,
    consentItems: store.settings.get('consentItems'),
    askPrescription: store.settings.get('askPrescription'),
  };
}

/** Per-attempt deadline for the qualification service; the session's own timeout is longer. */
const SERVICE_TIMEOUT_MS = 8_000;
/** How often queued confirmations (未確認) are retried. */
const DRAIN_INTERVAL_MS = 60_000;
/** vsmartcard's readers exist only for the simulator; a kiosk without the demo uses real ones. */
const isVirtualReader = (name: string) => name.startsWith('Virtual PCD');

export async function startKiosk(config: KioskConfig, log: Logger): Promise<RunningKiosk> {
  mkdirSync(config.dataDir, { recursive: true });
  const store = openKioskStore(join(config.dataDir, 'kiosk.sqlite'));
  const verdict = store.audit.verify();
  if (!verdict.ok) log.error({ code: 'E-STORE-002', verdict }, '監査ログの改ざんまたは破損を検出 / audit chain broken');
  const now = () => new Date();

  const device = await loadDeviceKey(join(config.dataDir, 'device-key.json'));
  const demo = config.demo ? await startDemo(device, log) : undefined;
  const trust: JpkiTrust = demo?.trust ?? { authCas: [] };
  if (!config.demo) log.warn({ code: 'E-CARD-007' }, 'JPKI CA 証明書が未設定のため、カードは検証できません / no JPKI CA configured: cards cannot be verified');

  const source = new PcscReaderSource({ readerFilter: config.demo ? (name) => name === DEMO_READER : (name) => !isVirtualReader(name) });
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

  const ports: KioskPorts = {
    ...unavailablePorts(),
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
    { initial: initialState(sessionConfigFrom(store)), reduce, revision: (state) => state.revision, toSnapshot },
    effects,
    (err) => log.error({ err }, 'snapshot listener failed'),
  );
  effects.start(runner.dispatchEvent);
  // Back at standby the patient is gone: power the card down so a verified PIN does not linger.
  runner.subscribe((snapshot) => {
    if (snapshot.screen === 'standby') void cards.endCard();
  });
  cards.start(runner.dispatchEvent);
  monitor.start();

  const core = createKioskCore(
    {
      snapshot: runner.snapshot,
      dispatch: (intent) => runner.dispatchEvent({ type: 'intent', intent }),
      subscribe: runner.subscribe,
      close: runner.close,
    },
    log,
  );

  return {
    core,
    frames: NO_FACE_SESSION,
    dispatchEvent: runner.dispatchEvent,
    async close() {
      await core.close();
      service?.stopDrain();
      await cards.close();
      await monitor.stop();
      await source.close();
      await demo?.close();
      store.close();
    },
  };
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
): { link: QualificationLink; stopDrain: () => void } | undefined {
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
  return { link, stopDrain: confirmations.startAutoDrain(DRAIN_INTERVAL_MS) };
}
