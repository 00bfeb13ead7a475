import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getEpochShuffling } from "../caches/epochShuffling.js";
import { computeEpochAtSlot } from "../misc/computeEpochAtSlot.js";

/**
 * get_beacon_committee (phase0 beacon-chain.md, "Beacon state accessors"): committee `index` at `slot`, a slice of the
 * epoch's cached shuffled list (equal to compute_committee's result). The returned array must not be modified.
 */
export function getBeaconCommittee(cfg: BeaconConfig, state: BeaconState, slot: number, index: number): Uint32Array {
  const shuffling = getEpochShuffling(cfg, state, computeEpochAtSlot(cfg, slot));
  const count = shuffling.committeesPerSlot * cfg.SLOTS_PER_EPOCH;
  const i = (slot % cfg.SLOTS_PER_EPOCH) * shuffling.committeesPerSlot + index;
  const n = shuffling.shuffled.length;
  return shuffling.shuffled.subarray(Math.floor((n * i) / count), Math.floor((n * (i + 1)) / count));
}
