import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { setListItem } from "../caches/copyOnWrite.js";

/** decrease_balance (phase0 beacon-chain.md, "Beacon state mutators"): floors at zero. */
export function decreaseBalance(_cfg: BeaconConfig, state: BeaconState, index: number, delta: number): void {
  const balance = state.balances[index];
  setListItem(state, "balances", index, delta > balance ? 0 : balance - delta);
}
