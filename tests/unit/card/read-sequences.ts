/**
 * The kiosk's card reads after insertion, as sequences the pulled-card tests replay (in-process
 * and through pcscd): each is cut after every single one of its APDUs.
 */
import type { CardSession } from '../../../src/main/card/card-session.js';
import { collationNumberB } from '../../../src/main/card/collation-number.js';
import { loadPersona } from '../../../sim/card/persona.js';

export function collationFor(id: string): string {
  const p = loadPersona(id).printed;
  return collationNumberB({ birthDate: p.birthDate, cardExpiryYear: Number(p.cardExpiry.slice(0, 4)), securityCode: p.securityCode, nationality: p.nationality });
}

export interface SessionSequence {
  readonly name: string;
  readonly persona: string;
  run(session: CardSession): Promise<unknown>;
}

export const SESSION_SEQUENCES: readonly SessionSequence[] = [
  { name: 'PIN tries + VERIFY + nonce signature', persona: 'normal-adult', run: async (s) => [await s.pinTries(), await s.verifyPin('1234'), await s.signNonce(Uint8Array.of(1, 2, 3))] },
  { name: 'card face with photo (照合番号B)', persona: 'normal-adult', run: (s) => s.readCardFace(collationFor('normal-adult')) },
  { name: 'basic four (入力補助 PIN)', persona: 'normal-adult', run: (s) => s.readBasicFour({ kind: 'pin', pin: '1234' }) },
];
