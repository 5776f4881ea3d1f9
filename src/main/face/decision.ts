/**
 * The multi-frame decision (判定). Taking the best of N frames lets an impostor try N times, so
 * impostor scores rise with N; instead we wait for `frames` usable frames and compare the mean of
 * their top `topK` scores with the embedder's threshold raised by `margin`, the inflation that
 * rule showed over single frames on simulated multi-frame impostor pairs (scripts/eval-face.ts
 * --frames; numbers in docs/face.md).
 */

export type FaceOutcome = 'match' | 'no-match' | 'cannot-judge';

export interface DecisionRule {
  /** Usable frames to collect before deciding. */
  readonly frames: number;
  /** How many of the best scores to average. */
  readonly topK: number;
  /** Added to the manifest's single-image threshold for this rule. */
  readonly margin: number;
  /** Frames (usable or not) after which, without enough usable ones, the answer is "cannot judge". */
  readonly maxFrames: number;
}

/**
 * 5 frames take ~170 ms at 30 fps; top-3 of 5 ignores two bad frames (blink, motion) without
 * rewarding a single lucky one. The margin comes from the dev-pair simulation: see docs/face.md.
 */
export const DEFAULT_RULE: DecisionRule = { frames: 5, topK: 3, margin: 0.02, maxFrames: 150 };

export interface FinalState {
  readonly state: FaceOutcome;
  readonly score?: number;
  readonly threshold: number;
  readonly usableFrames: number;
  readonly framesSeen: number;
}
export type DecisionState = { readonly state: 'pending'; readonly usableFrames: number; readonly framesSeen: number } | FinalState;

/** Mean of the `k` largest values (all of them if fewer). */
export function meanOfTopK(scores: readonly number[], k: number): number {
  const top = [...scores].sort((a, b) => b - a).slice(0, Math.max(1, k));
  return top.reduce((s, v) => s + v, 0) / top.length;
}

/** Accumulates per-frame scores and answers once; pure apart from its own counters. */
export class FrameDecision {
  private readonly scores: number[] = [];
  private seen = 0;
  private final: FinalState | undefined;
  readonly threshold: number;

  constructor(
    embedderThreshold: number,
    private readonly rule: DecisionRule = DEFAULT_RULE,
  ) {
    if (!Number.isFinite(embedderThreshold)) throw new RangeError('threshold must be finite');
    if (rule.topK < 1 || rule.frames < rule.topK || rule.maxFrames < rule.frames) throw new RangeError('inconsistent decision rule');
    this.threshold = embedderThreshold + rule.margin;
  }

  /** Feeds one frame: its cosine score, or undefined when the frame was not usable. */
  add(score: number | undefined): DecisionState {
    if (this.final) return this.final;
    this.seen++;
    if (score !== undefined) {
      // A NaN must never compare its way to "match": treat it as an unusable frame.
      if (Number.isFinite(score)) this.scores.push(score);
    }
    if (this.scores.length >= this.rule.frames) {
      const ruleScore = meanOfTopK(this.scores, this.rule.topK);
      this.final = { state: ruleScore >= this.threshold ? 'match' : 'no-match', score: ruleScore, threshold: this.threshold, usableFrames: this.scores.length, framesSeen: this.seen };
      return this.final;
    }
    if (this.seen >= this.rule.maxFrames) return this.giveUp();
    return { state: 'pending', usableFrames: this.scores.length, framesSeen: this.seen };
  }

  /** Ends without enough usable frames (time out or cancel): never a match. */
  giveUp(): FinalState {
    this.final ??= { state: 'cannot-judge', threshold: this.threshold, usableFrames: this.scores.length, framesSeen: this.seen };
    return this.final;
  }
}
