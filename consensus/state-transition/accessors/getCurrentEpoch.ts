import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { computeEpochAtSlot } from "../misc/computeEpochAtSlot.js";

/** get_current_epoch (phase0 beacon-chain.md, "Beacon state accessors"). */
export function getCurrentEpoch(cfg: BeaconConfig, state: Pick<BeaconState, "slot">): number {
  return computeEpochAtSlot(cfg, state.slot);
}
