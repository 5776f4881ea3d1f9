/**
 * セルフテスト (the diagnostics page's self-test button): besides re-running every watchdog check,
 * it reads a card if one lies on the reader at standby, runs the face model on a built-in image
 * and pings the qualification service. Each step ends green, red with its staff code, or skipped
 * with the reason; a step never throws and never takes longer than its deadline.
 */
import { KioskError } from '../../shared/errors.js';
import { OPS_ERRORS } from './error-codes.js';
import type { HealthCheck } from './health-check.js';
import type { CardProbeResult } from './self-test-card.js';
import type { FaceProbeResult } from './self-test-face.js';

export type SelfTestStepName = 'card' | 'face' | 'service';

export type SelfTestStep =
  | { readonly name: SelfTestStepName; readonly outcome: 'ok'; readonly ms: number; readonly certificateNotAfter?: Date }
  | { readonly name: SelfTestStepName; readonly outcome: 'skipped'; readonly reason: 'no-card' | 'patient-present' }
  | { readonly name: SelfTestStepName; readonly outcome: 'failed'; readonly code: string; readonly message: string };

export interface SelfTestResult {
  readonly at: Date;
  readonly steps: readonly SelfTestStep[];
}

export interface SelfTestDeps {
  readonly card: () => Promise<CardProbeResult>;
  readonly face: () => Promise<FaceProbeResult>;
  readonly service: HealthCheck;
  readonly now: () => Date;
  /** Per step; the face step loads its models, which takes seconds on a slow machine. */
  readonly stepTimeoutMs?: number;
}

const DEFAULT_STEP_TIMEOUT_MS = 30_000;

function failed(name: SelfTestStepName, error: unknown): SelfTestStep {
  if (error instanceof KioskError) return { name, outcome: 'failed', code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { name, outcome: 'failed', code: OPS_ERRORS.CHECK_FAILED.code, message: `${OPS_ERRORS.CHECK_FAILED.message} (${detail})` };
}

async function step(name: SelfTestStepName, timeoutMs: number, run: () => Promise<SelfTestStep>): Promise<SelfTestStep> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([run(), deadline]);
  } catch (error) {
    return failed(name, error);
  } finally {
    clearTimeout(timer);
  }
}

/** The steps one after another: the card read and the model never compete for the CPU. */
export async function runSelfTest(deps: SelfTestDeps): Promise<SelfTestResult> {
  const timeoutMs = deps.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const at = deps.now();
  const card = await step('card', timeoutMs, async () => {
    const result = await deps.card();
    return result.outcome === 'read'
      ? { name: 'card', outcome: 'ok', ms: result.ms, certificateNotAfter: result.certificateNotAfter }
      : { name: 'card', outcome: 'skipped', reason: result.reason };
  });
  const face = await step('face', timeoutMs, async () => ({ name: 'face', outcome: 'ok', ms: (await deps.face()).ms }));
  const service = await step('service', timeoutMs, async () => {
    const started = performance.now();
    const outcome = await deps.service.run();
    return outcome.ok
      ? { name: 'service', outcome: 'ok', ms: performance.now() - started }
      : { name: 'service', outcome: 'failed', code: outcome.code, message: outcome.message };
  });
  return { at, steps: [card, face, service] };
}
