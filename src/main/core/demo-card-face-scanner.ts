/**
 * The demo's card-face scanner: the virtual scanner (sim/cardface) photographing the front of the
 * persona card the demo's virtual card holds (asked of the card's `sim:card` control endpoint, as
 * `npm run sim:card -- status` does). The simulators are loaded from sources at run time with tsx,
 * like the demo world itself (demo-services.ts): the bundled kiosk carries no sim/ code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TsxApi from 'tsx/esm/api';
import { KioskError } from '../../shared/errors.js';
import { CARDFACE_ERROR_CODES, CARDFACE_ERROR_MESSAGES } from '../cardface/error-codes.js';
import type { CardFaceImage } from '../cardface/image.js';
import type { CardFaceScanner } from '../cardface/scanner.js';
import { repositoryRoot } from './demo-services.js';
// Types only: the modules themselves are loaded from sim/ at run time (see load()).
import type * as ControlModule from '../../../sim/card/control-server.js';
import type * as PersonaModule from '../../../sim/card/persona.js';
import type * as PrintedModule from '../../../sim/cardface/sim-card-persona.js';
import type * as ScannerModule from '../../../sim/cardface/virtual-scanner.js';
import type { CardFacePrintedFields as PrintedFields } from '../../../sim/cardface/printed-fields.js';

/** How rough the virtual capture conditions are: a document camera in a lit kiosk, not a stress test. */
const DEMO_SEVERITY = 0.4;
const STATUS_TIMEOUT_MS = 2_000;

/** A variable, so the bundler leaves tsx (a development tool, like the demo itself) out of the kiosk. */
const TSX_API = 'tsx/esm/api';

async function load<T>(path: string): Promise<T> {
  const { tsImport } = (await import(/* @vite-ignore */ TSX_API)) as typeof TsxApi;
  return (await tsImport(pathToFileURL(join(repositoryRoot(), path)).href, import.meta.url)) as T;
}

export async function createDemoCardFaceScanner(slot: number): Promise<CardFaceScanner> {
  const [control, personas, printed, scanners] = await Promise.all([
    load<typeof ControlModule>('sim/card/control-server.ts'),
    load<typeof PersonaModule>('sim/card/persona.ts'),
    load<typeof PrintedModule>('sim/cardface/sim-card-persona.ts'),
    load<typeof ScannerModule>('sim/cardface/virtual-scanner.ts'),
  ]);
  const fronts = new Map<string, Promise<PrintedFields>>();
  let front: PrintedFields | null = null;
  const scanner = new scanners.VirtualCardFaceScanner({ insertedCard: () => front, severity: DEMO_SEVERITY, seed: Date.now() % 1_000_000 });

  async function insertedPersona(): Promise<string | null> {
    const file = control.controlFileSchema.parse(JSON.parse(readFileSync(control.controlFilePath(slot), 'utf8')));
    const response = await fetch(`http://127.0.0.1:${file.port}/status`, { headers: { authorization: `Bearer ${file.token}` }, signal: AbortSignal.timeout(STATUS_TIMEOUT_MS) });
    const body = (await response.json()) as { persona?: unknown };
    return typeof body.persona === 'string' ? body.persona : null;
  }

  return {
    async capture(): Promise<CardFaceImage> {
      let persona: string | null;
      try {
        persona = await insertedPersona();
      } catch (cause) {
        throw new KioskError(CARDFACE_ERROR_CODES.SCANNER_UNAVAILABLE, `${CARDFACE_ERROR_MESSAGES['E-CFS-001']} (virtual card not answering)`, { cause });
      }
      if (persona === null) throw new KioskError(CARDFACE_ERROR_CODES.SCANNER_UNAVAILABLE, `${CARDFACE_ERROR_MESSAGES['E-CFS-001']} (no card on the virtual scanner)`);
      let fields = fronts.get(persona);
      if (!fields) {
        fields = printed.printedFieldsOfPersona(personas.loadPersona(persona));
        fronts.set(persona, fields);
        fields.catch(() => fronts.delete(persona));
      }
      front = await fields;
      try {
        return await scanner.capture();
      } finally {
        front = null;
      }
    },
  };
}
