/**
 * Face services without a card-face scanner (a kiosk started with --no-demo and no
 * --card-face-device): face mode cannot work, so they say so at once (the session then stops
 * offering 顔認証), staff find E-CFS-001 in the log, and a face attempt still fails with a typed
 * error rather than hanging.
 */
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors.js';
import { startFaceServices } from '../../../src/main/core/face-services.js';
import { createLogger } from '../../../src/main/core/logger.js';
import { UNAVAILABLE_CODES } from '../../../src/main/core/unavailable-ports.js';

describe('face services with no card-face scanner configured', () => {
  it('report face mode unavailable, log E-CFS-001, and a face attempt fails with E-SYS-011', async () => {
    let logText = '';
    const log = createLogger({ level: 'info', destination: { write: (line: string) => void (logText += line) } });
    const services = startFaceServices({ currentCard: () => undefined, now: () => new Date(), log });
    await expect(services.available).resolves.toBe(false);
    expect(logText).toContain('"code":"E-CFS-001"');
    const attempt = services.port.match(() => undefined);
    await expect(attempt).rejects.toBeInstanceOf(KioskError);
    await expect(attempt).rejects.toMatchObject({ code: UNAVAILABLE_CODES.face });
    expect(services.frames.wanted()).toBe(false);
    await services.close();
  });
});
