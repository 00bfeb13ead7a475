/**
 * The block span of the next eth_getLogs call: halved when an endpoint refuses a range (too many results, response
 * too large, timeout), grown by half after a run of successes, within [min, max].
 */
export class AdaptiveBlockRange {
  private successes = 0;
  size: number;

  constructor(
    readonly min: number,
    readonly max: number,
    initial = max,
    private readonly successesBeforeGrowth = 3,
  ) {
    if (!(min >= 1 && min <= max)) throw new RangeError(`block range bounds ${min}..${max} are invalid`);
    this.size = Math.min(max, Math.max(min, initial));
  }

  /** Returns false when already at the minimum (the caller should give up on this endpoint or wait). */
  shrink(): boolean {
    this.successes = 0;
    if (this.size <= this.min) return false;
    this.size = Math.max(this.min, Math.floor(this.size / 2));
    return true;
  }

  success(): void {
    if (++this.successes < this.successesBeforeGrowth) return;
    this.successes = 0;
    this.size = Math.min(this.max, Math.ceil(this.size * 1.5));
  }
}
