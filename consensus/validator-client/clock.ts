// The validator client's wall clock: slot k starts at genesis_time + k * SECONDS_PER_SLOT (phase0 validator.md).
// Each slot's callbacks are started on time and never awaited by the clock, so a slow beacon node call in one slot
// cannot delay the next slot's duties.

export class ValidatorClock {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    readonly genesisTime: number,
    readonly secondsPerSlot: number,
    readonly slotsPerEpoch: number,
    private readonly now: () => number = () => Date.now() / 1000,
  ) {}

  currentSlot(): number {
    return Math.max(0, Math.floor((this.now() - this.genesisTime) / this.secondsPerSlot));
  }

  currentEpoch(): number {
    return Math.floor(this.currentSlot() / this.slotsPerEpoch);
  }

  epochOf(slot: number): number {
    return Math.floor(slot / this.slotsPerEpoch);
  }

  /** unix seconds at `fraction` (0..1) of `slot` */
  timeAt(slot: number, fraction = 0): number {
    return this.genesisTime + (slot + fraction) * this.secondsPerSlot;
  }

  /** resolves at `fraction` of `slot` (at once if that time passed), or early when `signal` aborts */
  sleepUntil(slot: number, fraction: number, signal?: AbortSignal): Promise<void> {
    const ms = (this.timeAt(slot, fraction) - this.now()) * 1000;
    if (ms <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    });
  }

  /** Calls `onSlot(slot)` at the start of every slot from the next one (or slot 0 before genesis) until stop(). */
  start(onSlot: (slot: number) => void): void {
    this.stopped = false;
    let last = -1;
    const next = () => {
      if (this.stopped) return;
      const now = this.now();
      // a timer may fire a little early: never the same slot twice
      const slot = Math.max(last + 1, now < this.genesisTime ? 0 : this.currentSlot() + 1);
      last = slot;
      this.timer = setTimeout(
        () => {
          if (this.stopped) return;
          next();
          onSlot(slot);
        },
        Math.max(0, (this.timeAt(slot) - now) * 1000),
      );
    };
    next();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
