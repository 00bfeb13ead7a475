// Slot arithmetic over a Scheduler's time: slot k starts at genesis_time + k * SECONDS_PER_SLOT. Duties run at
// the slot's intervals (phase0 validator.md: propose at the start, attest at 1/3, aggregate at 2/3).
import type { Scheduler } from "./scheduler.js";

export const INTERVALS_PER_SLOT = 3;

export class SlotClock {
  constructor(
    readonly scheduler: Scheduler,
    readonly genesisTime: number,
    readonly secondsPerSlot: number,
    readonly slotsPerEpoch: number,
  ) {}

  now(): number {
    return this.scheduler.now();
  }

  /** the slot at the current time (0 before genesis) */
  currentSlot(): number {
    return this.slotAt(this.now());
  }

  slotAt(time: number): number {
    return Math.max(0, Math.floor((time - this.genesisTime) / this.secondsPerSlot));
  }

  currentEpoch(): number {
    return Math.floor(this.currentSlot() / this.slotsPerEpoch);
  }

  /** unix seconds at which `interval` (0..2) of `slot` begins */
  timeAt(slot: number, interval = 0): number {
    return this.genesisTime + slot * this.secondsPerSlot + (interval * this.secondsPerSlot) / INTERVALS_PER_SLOT;
  }

  /** Schedules `run(slot, interval)` at every interval of every slot from `fromSlot` on. */
  everyInterval(fromSlot: number, run: (slot: number, interval: number) => void | Promise<void>): void {
    const schedule = (slot: number, interval: number) => {
      this.scheduler.at(this.timeAt(slot, interval), async () => {
        // schedule the next one first so a slow duty never delays the clock
        if (interval + 1 < INTERVALS_PER_SLOT) schedule(slot, interval + 1);
        else schedule(slot + 1, 0);
        await run(slot, interval);
      });
    };
    schedule(fromSlot, 0);
  }
}
