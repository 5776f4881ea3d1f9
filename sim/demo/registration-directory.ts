/**
 * The demo's answer to "is this certificate registered (利用登録), and to whom?". The service
 * protocol has no such lookup yet (docs/decisions/0002-demo-wiring.md), so the demo world answers
 * it: a certificate belongs to the persona whose serial it carries (sim/pki derives serials from
 * persona ids), and a persona marked registered has done 利用登録 before coming to this clinic.
 *
 * Card certificates are minted when a card is first inserted, so the simulator cannot be seeded
 * with their hashes in advance. The persona's earlier registration is therefore made the first
 * time its certificate is asked about, through the service's own registration check (nonce +
 * signature with the persona's TEST-ONLY key): the simulator stays the judge of every confirmation.
 */
import { sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { x509 } from '../../src/main/card/x509.js';
import type { Persona } from '../card/persona.js';
import { certificateSerial } from '../pki/test-pki.js';
import { loadTestKey, personaKeyName } from '../pki/test-keys.js';
import type { QualificationService } from '../oqs/service.js';
import type { RegistrationStatus } from '../../src/main/core/qualification-port.js';

export const statusRequestSchema = z.object({ certificate: z.string().min(1) });

export class DemoRegistrationDirectory {
  private readonly bySerial: Map<string, Persona>;
  /** Certificates (base64 DER) whose earlier registration has been made with the service. */
  private readonly linked = new Set<string>();

  constructor(
    personas: readonly Persona[],
    private readonly service: QualificationService,
  ) {
    this.bySerial = new Map(personas.map((p) => [certificateSerial(p.id, 'auth'), p]));
  }

  async status(certificateBase64: string): Promise<RegistrationStatus> {
    const serial = new x509.X509Certificate(Buffer.from(certificateBase64, 'base64')).serialNumber.toUpperCase();
    const persona = this.bySerial.get(serial);
    if (persona === undefined) return { registered: false, personId: null };
    if (!persona.insurance.registered) return { registered: false, personId: persona.id };
    if (!this.linked.has(certificateBase64)) {
      const { nonce } = this.service.issueNonce();
      const signature = sign('sha256', Buffer.from(nonce, 'base64'), loadTestKey(personaKeyName(persona.id, 'auth'))).toString('base64');
      await this.service.register({ certificate: certificateBase64, nonce, signature, personId: persona.id });
      this.linked.add(certificateBase64);
    }
    return { registered: true, personId: persona.id };
  }

  /** POST /status {certificate} on 127.0.0.1, port 0. */
  async listen(): Promise<{ url: string; server: Server }> {
    const server = createServer((req, res) => {
      void (async () => {
        const reply = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method !== 'POST' || req.url !== '/status') return reply(404, { error: 'unknown endpoint' });
        try {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const { certificate } = statusRequestSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          reply(200, await this.status(certificate));
        } catch (error) {
          reply(400, { error: error instanceof Error ? error.message : String(error) });
        }
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
  }
}
