import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getEpochShuffling } from "../caches/epochShuffling.js";
import { getCurrentEpoch } from "./getCurrentEpoch.js";
import { getTotalBalance } from "./getTotalBalance.js";

/**
 * get_total_active_balance (phase0 beacon-chain.md, "Beacon state accessors"). Cached with the epoch's shuffling:
 * effective balances only change in process_final_updates, at the very end of an epoch.
 */
export function getTotalActiveBalance(cfg: BeaconConfig, state: BeaconState): number {
  const shuffling = getEpochShuffling(cfg, state, getCurrentEpoch(cfg, state));
  if (shuffling.totalActiveBalance === undefined) {
    shuffling.totalActiveBalance = getTotalBalance(cfg, state, shuffling.activeIndices);
  }
  return shuffling.totalActiveBalance;
}
