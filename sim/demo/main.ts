/**
 * The embedded demo's simulated world, in one child process of the kiosk (src/main/core/
 * demo-services.ts starts it with `node --import tsx`): the qualification-service simulator with a
 * registry built from the card personas and the test PKI, the kiosk's device key registered, the
 * virtual card on vpcd slot 0 with its control endpoint (`npm run sim:card -- insert <persona>`),
 * and the registration lookup. It runs from sources because personas, keys and photos are read
 * from the sim/ folders, which the bundled kiosk does not carry.
 *
 *   node --import tsx sim/demo/main.ts --device-id ID --device-spki BASE64 [--slot 0]
 *
 * Prints one line `DEMO_READY {"serviceUrl","directoryUrl","authCaPem"}` when serving; stops on
 * SIGTERM / SIGINT or when its stdin closes (the kiosk died).
 */
import { parseArgs } from 'node:util';
import { listPersonas } from '../card/persona.js';
import { startVirtualCard } from '../card/controller.js';
import { startSimulator } from '../oqs/server.js';
import { testCaCertificates } from '../pki/test-pki.js';
import { demoRegistry } from './demo-registry.js';
import { DemoRegistrationDirectory } from './registration-directory.js';

const { values } = parseArgs({
  options: { 'device-id': { type: 'string' }, 'device-spki': { type: 'string' }, slot: { type: 'string', default: '0' } },
});
const deviceId = values['device-id'];
const publicKeySpki = values['device-spki'];
if (deviceId === undefined || publicKeySpki === undefined) throw new Error('usage: sim/demo/main.ts --device-id ID --device-spki BASE64 [--slot N]');

const personas = listPersonas();
const cas = await testCaCertificates();
const sim = await startSimulator({
  registry: demoRegistry(personas, new Date()),
  caCertificatesPem: [cas.auth.toString('pem')],
  devices: [{ deviceId, publicKeySpki }],
});
const directory = await new DemoRegistrationDirectory(personas, sim.service).listen();
const card = await startVirtualCard({ slot: Number(values.slot), link: 'vpcd', control: true });

process.stdout.write(`DEMO_READY ${JSON.stringify({ serviceUrl: sim.url, directoryUrl: directory.url, authCaPem: cas.auth.toString('pem') })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  directory.server.closeAllConnections();
  void Promise.all([card.close(), sim.close(), new Promise((resolve) => directory.server.close(resolve))]).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
