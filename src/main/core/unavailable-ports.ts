/**
 * Ports for parts that are not connected (no reader stack, no models, no service configured).
 * They fail honestly with a staff code, so the session shows an error screen and returns to
 * standby instead of pretending: the kiosk still starts to a usable standby (ARCHITECTURE.md).
 */
import { KioskError } from '../../shared/errors.js';
import type { KioskPorts } from './effect-runner.js';

export const UNAVAILABLE_CODES = {
  card: 'E-SYS-010',
  face: 'E-SYS-011',
  qualification: 'E-SYS-012',
  staff: 'E-SYS-013',
} as const;

function unavailable(part: keyof typeof UNAVAILABLE_CODES, what: string): never {
  throw new KioskError(UNAVAILABLE_CODES[part], `${what}が接続されていません / ${part} is not connected`);
}

/**
 * The parts a kiosk may run without. The card stack and consents are always wired (a missing
 * reader shows up in the card link itself, with UNAVAILABLE_CODES.card).
 */
export function unavailablePorts(): Pick<KioskPorts, 'face' | 'qualification' | 'staff'> {
  return {
    face: {
      match: async () => unavailable('face', '顔認証モデル'),
      stop: () => undefined,
      staffPhoto: async () => unavailable('face', '券面スキャナ'),
    },
    qualification: {
      request: async () => unavailable('qualification', '資格確認サービス'),
      defer: () => undefined,
      register: async () => unavailable('qualification', '資格確認サービス'),
    },
    staff: {
      verifyPasscode: async () => unavailable('staff', '職員パスコード'),
    },
  };
}
