// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "Helpers": is_in_inactivity_leak.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getFinalityDelay } from "./getFinalityDelay.js";

/** True once finality has been missing for more than MIN_EPOCHS_TO_INACTIVITY_PENALTY epochs. */
export function isInInactivityLeak(cfg: BeaconConfig, state: BeaconState): boolean {
  return getFinalityDelay(cfg, state) > cfg.MIN_EPOCHS_TO_INACTIVITY_PENALTY;
}
