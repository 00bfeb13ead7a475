// phase0 beacon-chain.md, "Epoch processing" > "Rewards and penalties" > "Helpers": get_finality_delay.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { getPreviousEpoch } from "../accessors/getPreviousEpoch.js";

/** Epochs between the previous epoch and the last finalized checkpoint. */
export function getFinalityDelay(cfg: BeaconConfig, state: BeaconState): number {
  return getPreviousEpoch(cfg, state) - state.finalizedCheckpoint.epoch;
}
