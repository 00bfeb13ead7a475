import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getEpochShuffling } from "../caches/epochShuffling.js";

/** get_active_validator_indices (phase0 beacon-chain.md, "Beacon state accessors"), from the per-epoch cache. */
export function getActiveValidatorIndices(cfg: BeaconConfig, state: BeaconState, epoch: number): number[] {
  return Array.from(getEpochShuffling(cfg, state, epoch).activeIndices);
}
