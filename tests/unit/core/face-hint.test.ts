/**
 * What the patient hears for each of the matcher's quality hints: every QualityHint has its own
 * mapping to a FaceHint that has a sentence in every catalogue, "too dark" and "face turned away"
 * are said as such (not as "fit your face in the frame" or a liveness warning), and with several
 * problems in one frame the one to fix first is said.
 */
import { describe, expect, it } from 'vitest';
import { faceHintOf } from '../../../src/main/core/face-hint.js';
import { QUALITY_HINTS, type QualityHint } from '../../../src/main/face/quality.js';
import { faceHintSchema, type FaceHint } from '../../../src/shared/snapshot.js';
import { CATALOGS } from '../../../src/renderer/i18n/catalog.js';
import { LANGUAGES } from '../../../src/shared/languages.js';

const EXPECTED: Record<QualityHint, FaceHint> = {
  'no-face': 'searching',
  'multiple-faces': 'multiple-faces',
  'too-far': 'too-far',
  'too-close': 'too-close',
  'off-centre': 'searching',
  'too-dark': 'too-dark',
  backlight: 'backlight',
  overexposed: 'outside-light',
  blurred: 'hold-still',
  'face-turned': 'face-turned',
};

describe('faceHintOf', () => {
  it.each(QUALITY_HINTS.map((q) => [q, EXPECTED[q]] as const))('%s alone is said as %s', (quality, spoken) => {
    expect(faceHintOf([quality])).toBe(spoken);
  });

  it.each(QUALITY_HINTS)('the sentence for %s exists in every language', (quality) => {
    const spoken = faceHintOf([quality]);
    expect(faceHintSchema.options).toContain(spoken);
    for (const language of LANGUAGES) expect(CATALOGS[language][`face.hint.${spoken}`], `${language}`).toBeTruthy();
  });

  it('a usable frame asks the patient to keep still while frames are collected', () => {
    expect(faceHintOf([])).toBe('hold-still');
  });

  it('says first what must be fixed first: people, then distance, then light, then pose, then stillness', () => {
    expect(faceHintOf(['too-dark', 'multiple-faces', 'too-far'])).toBe('multiple-faces');
    expect(faceHintOf(['too-dark', 'too-far'])).toBe('too-far');
    expect(faceHintOf(['face-turned', 'too-dark'])).toBe('too-dark');
    expect(faceHintOf(['blurred', 'face-turned'])).toBe('face-turned');
    expect(faceHintOf(['off-centre', 'blurred'])).toBe('hold-still');
    // Off centre is advisory: a real problem in the same frame is said instead.
    expect(faceHintOf(['off-centre', 'too-dark'])).toBe('too-dark');
  });
});
