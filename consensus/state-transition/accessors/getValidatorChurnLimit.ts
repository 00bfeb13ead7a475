import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getEpochShuffling } from "../caches/epochShuffling.js";
import { getCurrentEpoch } from "./getCurrentEpoch.js";

/** get_validator_churn_limit (phase0 beacon-chain.md, "Beacon state accessors"): count-based churn. */
export function getValidatorChurnLimit(cfg: BeaconConfig, state: BeaconState): number {
  const activeCount = getEpochShuffling(cfg, state, getCurrentEpoch(cfg, state)).activeIndices.length;
  return Math.max(cfg.MIN_PER_EPOCH_CHURN_LIMIT, Math.floor(activeCount / cfg.CHURN_LIMIT_QUOTIENT));
}
