/**
 * Screen gallery fixtures: at least one snapshot per screen variant of src/shared/snapshot.ts, plus
 * the states reviewers most need to see (last PIN try, PIN-less card, each done ending). Every one
 * must pass sessionSnapshotSchema (tests/unit/renderer/gallery-fixtures.test.ts), so the gallery
 * can only show what main could really send.
 */
import { LANGUAGES } from '../../shared/languages.js';
import type { SessionSnapshot, StaffResult } from '../../shared/snapshot.js';

export interface GalleryFixture {
  /** Stable id, used in the URL: #gallery/<id> */
  id: string;
  snapshot: SessionSnapshot;
}

const common = { seq: 0, language: 'ja' as const, languages: [...LANGUAGES], largeText: false };
/** A 2×2 greyscale PNG standing in for the chip photo (the gallery never has a card). */
const GREY_DOT_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGOIWsWwKgoABh4CCXLYNrMAAAAASUVORK5CYII=';

const validResult: StaffResult = {
  outcome: 'valid',
  method: 'face',
  kanaName: 'ヤマダ タロウ',
  nameHasPlaceholder: false,
  insurance: { insurerName: '全国健康保険協会', insurerNumber: '01130012', sharePercent: 30 },
  oldInsurance: null,
  consentSent: true,
  nextStep: 'none',
  refusal: null,
};

export const GALLERY_FIXTURES: readonly GalleryFixture[] = [
  { id: 'standby', snapshot: { ...common, screen: 'standby' } },
  { id: 'reading', snapshot: { ...common, screen: 'reading' } },
  {
    id: 'card-unusable-expired',
    snapshot: {
      ...common,
      screen: 'card-unusable',
      reason: 'certificate-expired',
      certificate: { notAfter: '2025-01-15', graceUntil: '2025-04-30' },
      alternatives: ['qualification-certificate', 'mynaportal-pdf', 'qualification-notice'],
      reminderLevel: 0,
    },
  },
  {
    id: 'card-unusable-not-my-number',
    snapshot: { ...common, screen: 'card-unusable', reason: 'not-my-number-card', certificate: null, alternatives: [], reminderLevel: 1 },
  },
  { id: 'registration-terms', snapshot: { ...common, screen: 'registration-terms' } },
  { id: 'registration-complete', snapshot: { ...common, screen: 'registration-complete' } },
  {
    id: 'method-choice',
    snapshot: { ...common, screen: 'method-choice', methods: ['face', 'pin'], staffVisualCheck: true, purpose: 'confirmation' },
  },
  {
    id: 'method-choice-pinless',
    snapshot: { ...common, screen: 'method-choice', methods: ['face'], staffVisualCheck: true, purpose: 'registration' },
  },
  {
    id: 'method-choice-face-unavailable',
    snapshot: { ...common, screen: 'method-choice', methods: ['pin'], staffVisualCheck: true, purpose: 'confirmation' },
  },
  { id: 'face', snapshot: { ...common, screen: 'face', hint: 'too-close', attempt: 2, maxAttempts: 3, secondsLeft: 14, canUsePin: true, purpose: 'confirmation' } },
  { id: 'face-too-dark', snapshot: { ...common, screen: 'face', hint: 'too-dark', attempt: 1, maxAttempts: 3, secondsLeft: 18, canUsePin: true, purpose: 'confirmation' } },
  { id: 'face-failed', snapshot: { ...common, screen: 'face-failed', canRetry: true, canUsePin: true } },
  {
    id: 'pin-entry',
    snapshot: { ...common, screen: 'pin-entry', digitsEntered: 0, triesLeft: 3, lastTry: false, wrongLastTime: false, purpose: 'confirmation' },
  },
  {
    id: 'pin-entry-last-try',
    snapshot: { ...common, screen: 'pin-entry', digitsEntered: 2, triesLeft: 1, lastTry: true, wrongLastTime: true, purpose: 'confirmation' },
  },
  { id: 'working', snapshot: { ...common, screen: 'working', step: 'qualification' } },
  { id: 'staff-needed', snapshot: { ...common, screen: 'staff-needed', reason: 'pin-locked' } },
  { id: 'staff-needed-face-unavailable', snapshot: { ...common, screen: 'staff-needed', reason: 'face-unavailable' } },
  { id: 'staff-passcode', snapshot: { ...common, screen: 'staff-passcode', wrongAttempts: 1 } },
  { id: 'visual-check', snapshot: { ...common, screen: 'visual-check', chipPhoto: { status: 'shown', dataUrl: GREY_DOT_PNG } } },
  { id: 'visual-check-no-photo', snapshot: { ...common, screen: 'visual-check', chipPhoto: { status: 'unavailable', code: 'E-CFS-004' } } },
  {
    id: 'expiry-notice-renewal',
    snapshot: { ...common, screen: 'expiry-notice', phase: 'renewal-alert', notAfter: '2026-02-10', graceUntil: '2026-05-31' },
  },
  {
    id: 'expiry-notice-grace',
    snapshot: { ...common, screen: 'expiry-notice', phase: 'grace', notAfter: '2024-11-30', graceUntil: '2025-02-28' },
  },
  { id: 'consent-choice', snapshot: { ...common, screen: 'consent-choice', items: ['surgery', 'medication', 'checkup'] } },
  {
    id: 'consent-items',
    snapshot: {
      ...common,
      screen: 'consent-items',
      answers: [
        { item: 'surgery', agree: false },
        { item: 'medication', agree: true },
        { item: 'checkup', agree: null },
      ],
      canConfirm: false,
    },
  },
  { id: 'e-prescription', snapshot: { ...common, screen: 'e-prescription' } },
  { id: 'done', snapshot: { ...common, screen: 'done', ending: 'completed', result: validResult, reminderLevel: 0 } },
  {
    id: 'done-not-found',
    snapshot: {
      ...common,
      screen: 'done',
      ending: 'completed',
      result: { ...validResult, outcome: 'not-found', insurance: null, consentSent: false, nextStep: 'self-declaration' },
      reminderLevel: 2,
    },
  },
  {
    id: 'done-rejected',
    snapshot: {
      ...common,
      screen: 'done',
      ending: 'completed',
      result: { ...validResult, outcome: 'rejected', kanaName: null, insurance: null, nextStep: 'self-declaration', refusal: { code: 'E-OQS-003', certificateNotAfter: '2025-01-15' } },
      reminderLevel: 0,
    },
  },
  { id: 'done-identity-not-confirmed', snapshot: { ...common, screen: 'done', ending: 'identity-not-confirmed', result: null, reminderLevel: 0 } },
  {
    id: 'error',
    snapshot: { ...common, screen: 'error', error: { code: 'E-CARD-002', message: 'カードを読み取れません / Card could not be read' } },
  },
];
