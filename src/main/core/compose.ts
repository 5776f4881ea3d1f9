/**
 * Composition root: config → store → ports → session runner → core. The only file that knows
 * which implementation stands behind each port. Both shells call `startKiosk`; tests call it too,
 * with a temporary data directory, so what they exercise is what patients get.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openKioskStore, type KioskStore } from '../store/kiosk-store.js';
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
import type { KioskConfig } from './config.js';
import type { Logger } from './logger.js';

export interface RunningKiosk {
  core: KioskCore;
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

export async function startKiosk(config: KioskConfig, log: Logger): Promise<RunningKiosk> {
  mkdirSync(config.dataDir, { recursive: true });
  const store = openKioskStore(join(config.dataDir, 'kiosk.sqlite'));
  const verdict = store.audit.verify();
  if (!verdict.ok) log.error({ code: 'E-STORE-002', verdict }, '監査ログの改ざんまたは破損を検出 / audit chain broken');

  const ports: KioskPorts = {
    ...unavailablePorts(),
    audit: {
      append: (event: AuditEvent) => {
        const { kind, ...detail } = event;
        try {
          store.audit.append(`session.${kind}`, detail as AuditDetail);
        } catch (err) {
          log.error({ err, kind }, 'audit append failed');
        }
      },
    },
    now: () => new Date(),
  };

  const effects = createEffectRunner(ports, log);
  const runner = createSessionRunner(
    { initial: initialState(sessionConfigFrom(store)), reduce, revision: (state) => state.revision, toSnapshot },
    effects,
    (err) => log.error({ err }, 'snapshot listener failed'),
  );
  effects.start(runner.dispatchEvent);

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
    dispatchEvent: runner.dispatchEvent,
    async close() {
      await core.close();
      store.close();
    },
  };
}
