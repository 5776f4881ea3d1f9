/**
 * Standalone simulator: `npm run sim:oqs -- [--config file.json] [--port 8790] [--host 127.0.0.1]`.
 * Without --config it serves the seed registry with no CA (every card is "untrusted") until
 * the lead wires sim/pki in through a config file; see docs/qualification.md.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSimulatorConfig } from './config.js';
import { registrySeedSchema } from './registry.js';
import { startSimulator } from './server.js';

const { values } = parseArgs({
  options: { config: { type: 'string' }, port: { type: 'string', default: '8790' }, host: { type: 'string', default: '127.0.0.1' } },
});

const config =
  values.config !== undefined
    ? loadSimulatorConfig(values.config)
    : {
        registry: registrySeedSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL('./registry.seed.json', import.meta.url)), 'utf8'))),
        caCertificatesPem: [],
      };

const sim = await startSimulator(config, { port: Number(values.port), host: values.host });
process.stdout.write(`oqs-simulator listening on ${sim.url}\n`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
