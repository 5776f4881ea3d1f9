import { describe, expect, it } from 'vitest';
import { FrameDecision, meanOfTopK, type DecisionRule } from '../../../src/main/face/decision.js';

const rule: DecisionRule = { frames: 5, topK: 3, margin: 0.02, maxFrames: 20 };

function feed(scores: (number | undefined)[], threshold = 0.7, r = rule) {
  const d = new FrameDecision(threshold, r);
  let state = d.add(scores[0]);
  for (const s of scores.slice(1)) state = d.add(s);
  return state;
}

describe('multi-frame decision', () => {
  it('stays pending until enough usable frames have arrived', () => {
    expect(feed([0.9, 0.9, undefined, 0.9]).state).toBe('pending');
  });

  it('matches when the mean of the top 3 of 5 clears threshold + margin', () => {
    const state = feed([0.75, 0.74, 0.73, 0.5, 0.4]);
    expect(state.state).toBe('match');
    expect('score' in state && state.score).toBeCloseTo(0.74);
  });

  it('one lucky frame does not match an impostor (best-of-N would)', () => {
    const scores = [0.8, 0.55, 0.5, 0.52, 0.48];
    expect(Math.max(...scores)).toBeGreaterThan(0.72);
    expect(feed(scores).state).toBe('no-match');
  });

  it('raises the threshold by the rule margin: scores at the bare threshold do not match', () => {
    expect(feed([0.71, 0.71, 0.71, 0.71, 0.71]).state).toBe('no-match');
  });

  it('answers cannot-judge when frames run out without enough usable ones', () => {
    const state = feed(Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? 0.99 : undefined)));
    expect(state.state).toBe('cannot-judge');
  });

  it('never lets a NaN score count, and never changes its answer', () => {
    const d = new FrameDecision(0.7, rule);
    for (let i = 0; i < 5; i++) d.add(Number.NaN);
    expect(d.add(0.99).state).toBe('pending');
    for (let i = 0; i < 4; i++) d.add(0.99);
    expect(d.giveUp().state).toBe('match');
  });

  it('rejects inconsistent rules and thresholds', () => {
    expect(() => new FrameDecision(Number.NaN, rule)).toThrow(RangeError);
    expect(() => new FrameDecision(0.7, { ...rule, topK: 6 })).toThrow(RangeError);
  });

  it('meanOfTopK averages the k largest', () => {
    expect(meanOfTopK([1, 5, 3, 4], 2)).toBe(4.5);
    expect(meanOfTopK([2], 3)).toBe(2);
  });
});
