import type { BeaconConfig } from "../../params/beaconConfig.js";
import type { BeaconState } from "../../types/index.js";
import { processEpoch } from "../epoch/processEpoch.js";
import { check } from "../errors.js";
import { processSlot } from "./processSlot.js";

/**
 * process_slots (phase0 beacon-chain.md, "State transition"): advances `state` (in place) to `slot`, running
 * process_epoch at each epoch boundary.
 */
export function processSlots(cfg: BeaconConfig, state: BeaconState, slot: number): void {
  check(
    state.slot < slot,
    "SLOT_NOT_IN_FUTURE",
    () => `target slot ${slot} must be after the state slot ${state.slot}`,
  );
  while (state.slot < slot) {
    processSlot(cfg, state);
    if ((state.slot + 1) % cfg.SLOTS_PER_EPOCH === 0) processEpoch(cfg, state);
    state.slot += 1;
  }
}
