import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";

/** get_randao_mix (phase0 beacon-chain.md, "Beacon state accessors"). */
export function getRandaoMix(cfg: BeaconConfig, state: BeaconState, epoch: number): Uint8Array {
  return state.randaoMixes[epoch % cfg.EPOCHS_PER_HISTORICAL_VECTOR];
}
