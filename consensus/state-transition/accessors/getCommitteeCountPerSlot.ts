import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getEpochShuffling } from "../caches/epochShuffling.js";

/** get_committee_count_per_slot (phase0 beacon-chain.md, "Beacon state accessors"). */
export function getCommitteeCountPerSlot(cfg: BeaconConfig, state: BeaconState, epoch: number): number {
  return getEpochShuffling(cfg, state, epoch).committeesPerSlot;
}
