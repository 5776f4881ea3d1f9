/**
 * The embedded demo's simulated world, in one child process of the kiosk (src/main/core/
 * demo-services.ts starts it with `node --import tsx`): the qualification-service simulator with a
 * registry built from the card personas and the test PKI, the personas' certificates and earlier
 * registrations (利用登録) seeded, the kiosk's device key registered, and the virtual card on vpcd
 * slot 0 with its control endpoint (`npm run sim:card -- insert <persona>`), minting certificates
 * for the same JST day as the seed. It runs from sources because personas, keys and photos are
 * read from the sim/ folders, which the bundled kiosk does not carry.
 *
 *   node --import tsx sim/demo/main.ts --device-id ID --device-spki BASE64 [--slot 0]
 *
 * Prints one line `DEMO_READY {"serviceUrl","authCaPem"}` when serving; stops on
 * SIGTERM / SIGINT or when its stdin closes (the kiosk died).
 */
import { parseArgs } from 'node:util';
import { listPersonas } from '../card/persona.js';
import { startVirtualCard } from '../card/controller.js';
import { startSimulator } from '../oqs/server.js';
import { testCaCertificates } from '../pki/test-pki.js';
import { demoRegistry } from './demo-registry.js';
import { demoRegistrations } from './demo-registrations.js';

const { values } = parseArgs({
  options: { 'device-id': { type: 'string' }, 'device-spki': { type: 'string' }, slot: { type: 'string', default: '0' } },
});
const deviceId = values['device-id'];
const publicKeySpki = values['device-spki'];
if (deviceId === undefined || publicKeySpki === undefined) throw new Error('usage: sim/demo/main.ts --device-id ID --device-spki BASE64 [--slot N]');

const personas = listPersonas();
// One day for the whole run: the seeded fingerprints and the cards' certificates must agree, even
// when the demo keeps running past midnight (the nightly restart starts a new day).
const day = new Date();
const cas = await testCaCertificates(day);
const sim = await startSimulator({
  registry: demoRegistry(personas, day),
  caCertificatesPem: [cas.auth.toString('pem')],
  ...(await demoRegistrations(personas, day)),
  devices: [{ deviceId, publicKeySpki }],
});
const card = await startVirtualCard({ slot: Number(values.slot), link: 'vpcd', control: true, certificatesAsOf: day });

process.stdout.write(`DEMO_READY ${JSON.stringify({ serviceUrl: sim.url, authCaPem: cas.auth.toString('pem') })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void Promise.all([card.close(), sim.close()]).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
