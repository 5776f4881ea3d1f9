/**
 * Which methods the patient may pick (PRODUCT.md §3.1): face always; PIN unless the card is a
 * PIN-less 顔認証マイナンバーカード or its PIN is locked. 目視 is a staff button, not listed here.
 */
import type { AuthMethod } from '../../shared/snapshot.js';
import type { Patient } from './state.js';

export function pinAvailable(patient: Patient): boolean {
  return !patient.pinless && patient.pinTriesLeft > 0;
}

export function availableMethods(patient: Patient): AuthMethod[] {
  return pinAvailable(patient) ? ['face', 'pin'] : ['face'];
}
