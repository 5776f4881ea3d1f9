/**
 * "Is this certificate registered (利用登録), and whose card is it?", asked of the qualification
 * service (POST /v1/registrations/status) when a card is read, so 利用登録 can be offered before
 * identity is checked. Like the gateway it never throws for service trouble: one attempt within
 * the timeout (the patient is waiting at the reader), then a typed "unreachable".
 */
import { QUALIFICATION_ERRORS } from './error-codes.js';
import type { Unreachable } from './gateway.js';
import { registrationStatusSchema, type RegistrationStatus, type RegistrationStatusRequest } from './protocol.js';

export type RegistrationLookup = { readonly kind: 'status'; readonly status: RegistrationStatus } | Unreachable;

export async function lookUpRegistration(serviceUrl: string, certificateDer: Uint8Array, timeoutMs: number): Promise<RegistrationLookup> {
  const request: RegistrationStatusRequest = { certificate: Buffer.from(certificateDer).toString('base64') };
  const unreachable = (detail: string): Unreachable => ({ kind: 'unreachable', code: QUALIFICATION_ERRORS.SERVICE_UNREACHABLE, detail, attempts: 1 });
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(new URL('v1/registrations/status', serviceUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.json();
  } catch (error) {
    return unreachable(error instanceof Error && error.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : `network or body: ${String(error)}`);
  }
  if (!response.ok) return unreachable(`HTTP ${response.status}`);
  const parsed = registrationStatusSchema.safeParse(body);
  return parsed.success ? { kind: 'status', status: parsed.data } : unreachable('answer does not match the protocol');
}
