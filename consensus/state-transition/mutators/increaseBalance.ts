import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { setListItem } from "../caches/copyOnWrite.js";

/** increase_balance (phase0 beacon-chain.md, "Beacon state mutators"). */
export function increaseBalance(_cfg: BeaconConfig, state: BeaconState, index: number, delta: number): void {
  setListItem(state, "balances", index, state.balances[index] + delta);
}
