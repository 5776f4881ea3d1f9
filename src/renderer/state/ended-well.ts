import type { SessionSnapshot } from '../../shared/snapshot.js';

type Done = Extract<SessionSnapshot, { screen: 'done' }>;

/**
 * Whether the patient can simply go and sit down: the check completed and the insurance is valid,
 * or the service was unreachable (reception goes on and staff confirm later, PRODUCT.md §3.5).
 * Anything else means staff will help, which the done screen and its sound say gently.
 */
export function endedWell({ ending, result }: Pick<Done, 'ending' | 'result'>): boolean {
  if (ending !== 'completed') return false;
  return result === null || result.outcome === 'valid' || result.outcome === 'unreachable';
}
