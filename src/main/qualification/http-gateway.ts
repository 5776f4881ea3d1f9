/**
 * QualificationGateway over HTTP to the qualification service (sim/oqs here, a relay in
 * deployment). Every call has a timeout; transient failures (network errors, timeouts, 5xx,
 * unparseable answers) are retried with backoff; a well-formed refusal is returned at once.
 */
import type { z } from 'zod';
import { DEFAULT_BACKOFF, backoffDelayMs, type BackoffPolicy } from './backoff.js';
import { QUALIFICATION_ERRORS } from './error-codes.js';
import {
  errorResponseSchema,
  nonceResponseSchema,
  qualificationResponseSchema,
  type QualificationRequest,
  type RejectionReason,
} from './protocol.js';
import type { ConfirmOutcome, NonceOutcome, QualificationGateway, Unreachable } from './gateway.js';

export interface HttpGatewayOptions {
  /** Base URL of the service, e.g. http://127.0.0.1:8790/ */
  readonly baseUrl: string;
  /** Per-attempt timeout. */
  readonly timeoutMs: number;
  readonly backoff?: BackoffPolicy;
  /** Injectable for tests; defaults to setTimeout and Math.random. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

type Refusal = z.infer<typeof errorResponseSchema>['error'];
type Attempt<T> = { ok: true; value: T } | { ok: false; transient: true; detail: string } | { ok: false; transient: false; refusal: Refusal };

export function rejectionCode(reason: RejectionReason): string {
  switch (reason) {
    case 'certificate-expired':
    case 'certificate-revoked':
      return QUALIFICATION_ERRORS.CERTIFICATE_NOT_USABLE;
    case 'not-registered':
      return QUALIFICATION_ERRORS.NOT_REGISTERED;
    case 'unknown-device':
      return QUALIFICATION_ERRORS.DEVICE_NOT_REGISTERED;
    default:
      return QUALIFICATION_ERRORS.REQUEST_REJECTED;
  }
}

export class HttpQualificationGateway implements QualificationGateway {
  private readonly options: Required<HttpGatewayOptions>;

  constructor(options: HttpGatewayOptions) {
    this.options = {
      backoff: DEFAULT_BACKOFF,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      ...options,
    };
  }

  async issueNonce(): Promise<NonceOutcome> {
    const result = await this.withRetries('v1/nonces', {}, nonceResponseSchema);
    if ('kind' in result) return result;
    if (!result.ok) {
      // Issuing a nonce takes no input, so a refusal means a broken service, not a bad card.
      return { kind: 'unreachable', code: QUALIFICATION_ERRORS.SERVICE_UNREACHABLE, detail: result.rejected.message, attempts: 1 };
    }
    return { kind: 'nonce', nonce: result.value };
  }

  async confirm(request: QualificationRequest): Promise<ConfirmOutcome> {
    const result = await this.withRetries('v1/qualifications', request, qualificationResponseSchema);
    if ('kind' in result) return result;
    if (!result.ok) return result.rejected;
    return { kind: 'confirmed', response: result.value };
  }

  private async withRetries<T>(
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; rejected: Extract<ConfirmOutcome, { kind: 'rejected' }> } | Unreachable> {
    const { maxAttempts } = this.options.backoff;
    let lastDetail = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) await this.options.sleep(backoffDelayMs(this.options.backoff, attempt - 1, this.options.random()));
      const result = await this.attempt(path, body, schema);
      if (result.ok) return result;
      if (!result.transient) {
        const { reason, message, certificateNotAfterMs } = result.refusal;
        return {
          ok: false,
          rejected: { kind: 'rejected', reason, code: rejectionCode(reason), message, certificateNotAfterMs: certificateNotAfterMs ?? null },
        };
      }
      lastDetail = result.detail;
    }
    return { kind: 'unreachable', code: QUALIFICATION_ERRORS.SERVICE_UNREACHABLE, detail: lastDetail, attempts: maxAttempts };
  }

  private async attempt<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<Attempt<T>> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(path, this.options.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      // The body read shares the timeout: a server that sends headers then stalls is a timeout too.
      text = await response.text();
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      return { ok: false, transient: true, detail: name === 'TimeoutError' ? `timeout after ${this.options.timeoutMs} ms` : `network: ${String(error)}` };
    }
    if (response.status >= 500) return { ok: false, transient: true, detail: `HTTP ${response.status}` };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, transient: true, detail: `malformed body (HTTP ${response.status})` };
    }
    if (response.ok) {
      const parsed = schema.safeParse(json);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, transient: true, detail: 'answer does not match the protocol' };
    }
    const refusal = errorResponseSchema.safeParse(json);
    if (!refusal.success) return { ok: false, transient: true, detail: `HTTP ${response.status} without a valid error body` };
    return { ok: false, transient: false, refusal: refusal.data.error };
  }
}
