// fork-choice.md (v1.4.0) on_tick: see ForkChoice.onTick (per-slot catch-up, boost reset, realizing the unrealized
// checkpoints at each epoch start).
import type { ForkChoiceStore } from "./store.js";

export function onTick(store: ForkChoiceStore, time: number): void {
  store.forkChoice.onTick(time);
}
