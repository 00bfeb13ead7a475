import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { setListItem } from "../caches/copyOnWrite.js";
import { hashBeaconState } from "../caches/stateRoot.js";

/**
 * process_slot (phase0 beacon-chain.md, "State transition"): caches the previous state root and block root in the
 * history vectors (filling in the latest header's state root first). The state root is computed incrementally
 * (caches/stateRoot.ts).
 */
export function processSlot(cfg: BeaconConfig, state: BeaconState): void {
  const previousStateRoot = hashBeaconState(cfg, state);
  setListItem(state, "stateRoots", state.slot % cfg.SLOTS_PER_HISTORICAL_ROOT, previousStateRoot);
  if (state.latestBlockHeader.stateRoot.every((b) => b === 0)) {
    state.latestBlockHeader.stateRoot = previousStateRoot;
  }
  const previousBlockRoot = cfg.types.BeaconBlockHeader.hashTreeRoot(state.latestBlockHeader);
  setListItem(state, "blockRoots", state.slot % cfg.SLOTS_PER_HISTORICAL_ROOT, previousBlockRoot);
}
