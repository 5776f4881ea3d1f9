/**
 * Fault injection: what a flaky closed network and an overloaded central system do to requests.
 * Set by configuration at start or at run time through PUT /admin/faults.
 */
import { z } from 'zod';

export const faultSchema = z.object({
  /** Added before every answer (ms). */
  latencyMs: z.number().int().nonnegative().default(0),
  /**
   * - none: answer normally
   * - timeout: accept the request and never answer
   * - http-500 / http-503: answer with that status
   * - malformed: 200 with a truncated JSON body
   * - drop: close the connection without an answer
   */
  failure: z.enum(['none', 'timeout', 'http-500', 'http-503', 'malformed', 'drop']).default('none'),
  /** How many requests the failure applies to before answers are normal again; null = all. */
  count: z.number().int().positive().nullable().default(null),
});
export type FaultConfig = z.infer<typeof faultSchema>;
export type Failure = FaultConfig['failure'];

export class FaultInjector {
  private config: FaultConfig;

  constructor(config: Partial<FaultConfig> = {}) {
    this.config = faultSchema.parse(config);
  }

  set(config: Partial<FaultConfig>): FaultConfig {
    this.config = faultSchema.parse(config);
    return this.config;
  }

  current(): FaultConfig {
    return this.config;
  }

  /** The failure for the next request (consuming one from a counted fault). */
  next(): { latencyMs: number; failure: Failure } {
    const { latencyMs, failure, count } = this.config;
    if (failure !== 'none' && count !== null) {
      this.config = count <= 1 ? { ...this.config, failure: 'none', count: null } : { ...this.config, count: count - 1 };
    }
    return { latencyMs, failure };
  }
}
