import type { BeaconConfig } from "../../params/beaconConfig.js";

/** compute_start_slot_at_epoch (phase0 beacon-chain.md, "Misc"). */
export function computeStartSlotAtEpoch(cfg: BeaconConfig, epoch: number): number {
  return epoch * cfg.SLOTS_PER_EPOCH;
}
