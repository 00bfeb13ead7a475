import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";

/** increase_balance (phase0 beacon-chain.md, "Beacon state mutators"). */
export function increaseBalance(_cfg: BeaconConfig, state: BeaconState, index: number, delta: number): void {
  state.balances[index] += delta;
}
