import type { BeaconConfig } from "../../params/beaconConfig.js";
import { GENESIS_EPOCH } from "../../params/constants.js";
import type { BeaconState } from "../../types/index.js";
import { getCurrentEpoch } from "./getCurrentEpoch.js";

/** get_previous_epoch (phase0 beacon-chain.md, "Beacon state accessors"): never below GENESIS_EPOCH. */
export function getPreviousEpoch(cfg: BeaconConfig, state: BeaconState): number {
  const currentEpoch = getCurrentEpoch(cfg, state);
  return currentEpoch === GENESIS_EPOCH ? GENESIS_EPOCH : currentEpoch - 1;
}
