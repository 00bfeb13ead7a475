import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { check } from "../errors.js";

/** get_block_root_at_slot (phase0 beacon-chain.md, "Beacon state accessors"): only the last SLOTS_PER_HISTORICAL_ROOT slots. */
export function getBlockRootAtSlot(cfg: BeaconConfig, state: BeaconState, slot: number): Uint8Array {
  check(
    slot < state.slot && state.slot <= slot + cfg.SLOTS_PER_HISTORICAL_ROOT,
    "BLOCK_ROOT_SLOT_OUT_OF_RANGE",
    () =>
      `block root of slot ${slot} requested at state slot ${state.slot}: must be within the last ${cfg.SLOTS_PER_HISTORICAL_ROOT} slots`,
  );
  return state.blockRoots[slot % cfg.SLOTS_PER_HISTORICAL_ROOT];
}
