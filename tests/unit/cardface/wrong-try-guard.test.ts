import { describe, expect, it } from 'vitest';
import { VerificationBTryGuard } from '../../../src/main/cardface/wrong-try-guard.js';

class WrongB extends Error {}
const isWrong = (e: unknown) => e instanceof WrongB;
const refuse = async (): Promise<never> => {
  throw new WrongB();
};

describe('wrong 照合番号B tries per card insertion', () => {
  it('allows at most 2 wrong tries, then refuses to present anything until the card is reinserted', async () => {
    const guard = new VerificationBTryGuard();
    let presented = 0;
    const present = async () => {
      presented++;
      throw new WrongB();
    };
    expect(await guard.attempt('11111111111111', present, isWrong)).toEqual({ ok: false });
    expect(await guard.attempt('22222222222222', present, isWrong)).toEqual({ ok: false });
    await expect(guard.attempt('33333333333333', present, isWrong)).rejects.toMatchObject({ code: 'E-CFS-005' });
    expect(presented).toBe(2);
    guard.cardInserted();
    expect(await guard.attempt('33333333333333', async () => 'photo', isWrong)).toEqual({ ok: true, result: 'photo' });
  });

  it('never presents a value the card already refused', async () => {
    const guard = new VerificationBTryGuard();
    await guard.attempt('11111111111111', refuse, isWrong);
    expect(guard.mayTry('11111111111111')).toBe(false);
    await expect(guard.attempt('11111111111111', refuse, isWrong)).rejects.toMatchObject({ code: 'E-CFS-005' });
    expect(guard.wrongTries).toBe(1);
  });

  it('does not count failures that are not a refusal (card pulled, broken link)', async () => {
    const guard = new VerificationBTryGuard();
    const pulled = new Error('card removed');
    await expect(guard.attempt('11111111111111', () => Promise.reject(pulled), isWrong)).rejects.toBe(pulled);
    expect(guard.wrongTries).toBe(0);
  });
});
