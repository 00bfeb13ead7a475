import type { BeaconConfig } from "../../params/beaconConfig.js";

/** compute_epoch_at_slot (phase0 beacon-chain.md, "Misc"). */
export function computeEpochAtSlot(cfg: BeaconConfig, slot: number): number {
  return Math.floor(slot / cfg.SLOTS_PER_EPOCH);
}
