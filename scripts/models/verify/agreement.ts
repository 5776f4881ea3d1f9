/** How closely a converted model reproduces its reference, accumulated output by output. */
export interface Agreement {
  /** Largest |converted − reference| over all outputs and images (Infinity if any NaN). */
  readonly maxAbsDiff: number;
  /** Largest |reference| value seen, to put the difference in scale. */
  readonly maxAbsReference: number;
  readonly images: number;
}

export class AgreementMeter {
  private maxAbsDiff = 0;
  private maxAbsReference = 0;

  compare(name: string, actual: unknown, expected: Float32Array): void {
    if (!(actual instanceof Float32Array) || actual.length !== expected.length) {
      throw new Error(`converted model's output ${name} is missing or has the wrong size`);
    }
    for (let i = 0; i < actual.length; i++) {
      const want = expected[i] ?? 0;
      this.maxAbsReference = Math.max(this.maxAbsReference, Math.abs(want));
      // NaN must fail the comparison, not vanish inside Math.max.
      const diff = Math.abs((actual[i] ?? Number.NaN) - want);
      this.maxAbsDiff = Number.isNaN(diff) ? Number.POSITIVE_INFINITY : Math.max(this.maxAbsDiff, diff);
    }
  }

  result(images: number): Agreement {
    return { maxAbsDiff: this.maxAbsDiff, maxAbsReference: this.maxAbsReference, images };
  }
}
