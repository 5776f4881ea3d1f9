/**
 * The intent contract the renderer speaks (src/shared/intents.ts): malformed intents are
 * refused at the boundary, before the session sees them. The snapshot side is checked on every
 * transition by the harness (each snapshot must parse with sessionSnapshotSchema).
 */
import { describe, expect, it } from 'vitest';
import { intentSchema } from '../../../src/shared/intents.js';
import { sessionSnapshotSchema } from '../../../src/shared/snapshot.js';

describe('intent contract', () => {
  it.each([
    { type: 'set-language', language: 'en' },
    { type: 'set-large-text', on: true },
    { type: 'pin-digit', digit: 0 },
    { type: 'consent-item', item: 'checkup', agree: false },
    { type: 'staff-passcode', passcode: '12345678' },
  ])('accepts %o', (intent) => {
    expect(intentSchema.safeParse(intent).success).toBe(true);
  });

  it.each([
    { type: 'pin-digit', digit: 10 },
    { type: 'pin-digit', digit: '1' },
    { type: 'pin-digit', digit: 1.5 },
    { type: 'set-language', language: 'fr' },
    { type: 'staff-passcode', passcode: '12a4' },
    { type: 'staff-passcode', passcode: '1'.repeat(100) },
    { type: 'consent-item', item: 'genome', agree: true },
    { type: 'choose-method', method: 'visual' },
    { type: 'no-such-intent' },
  ])('refuses %o', (intent) => {
    expect(intentSchema.safeParse(intent).success).toBe(false);
  });
});

describe('snapshot contract', () => {
  it('keeps the standby, reading and error screens the renderer shell depends on', () => {
    const common = { seq: 1, language: 'ja', languages: ['ja', 'en'], largeText: false };
    expect(sessionSnapshotSchema.parse({ ...common, screen: 'standby' })).toEqual({ ...common, screen: 'standby' });
    expect(sessionSnapshotSchema.parse({ ...common, screen: 'reading' })).toEqual({ ...common, screen: 'reading' });
    const error = { code: 'E-SES-001', message: 'x / x' };
    expect(sessionSnapshotSchema.parse({ ...common, screen: 'error', error })).toEqual({ ...common, screen: 'error', error });
  });

  it('refuses a PIN screen that claims more digits than a PIN has', () => {
    const pinScreen = {
      seq: 1,
      language: 'ja',
      languages: ['ja'],
      largeText: false,
      screen: 'pin-entry',
      digitsEntered: 5,
      triesLeft: 3,
      lastTry: false,
      wrongLastTime: false,
      purpose: 'confirmation',
    };
    expect(sessionSnapshotSchema.safeParse(pinScreen).success).toBe(false);
    expect(sessionSnapshotSchema.safeParse({ ...pinScreen, digitsEntered: 4 }).success).toBe(true);
  });
});
