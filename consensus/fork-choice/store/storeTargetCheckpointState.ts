// fork-choice.md (v1.4.0) store_target_checkpoint_state: the state of a checkpoint is its block's post-state advanced
// with empty slots to the first slot of the checkpoint's epoch, computed once and kept in store.checkpoint_states.

import { cloneBeaconState } from "../../state-transition/caches/cloneBeaconState.js";
import { processSlots } from "../../state-transition/slot/processSlots.js";
import type { BeaconState } from "../../types/index.js";
import { ForkChoiceError } from "../errors.js";
import { computeStartSlotAtEpoch } from "../time.js";
import type { Checkpoint } from "../types.js";
import { checkpointKey, type ForkChoiceStore } from "./store.js";

export function storeTargetCheckpointState(store: ForkChoiceStore, target: Checkpoint): BeaconState {
  const key = checkpointKey(target);
  const known = store.checkpointStates.get(key);
  if (known !== undefined) return known;
  const blockState = store.blockStates.get(target.root);
  if (blockState === undefined) {
    throw new ForkChoiceError(
      "ATTESTATION_TARGET_STATE_PRUNED",
      `the post-state of checkpoint block ${target.root} is no longer kept (pruned at finality)`,
    );
  }
  const baseState = cloneBeaconState(store.cfg, blockState);
  const startSlot = computeStartSlotAtEpoch(store.cfg, target.epoch);
  if (baseState.slot < startSlot) processSlots(store.cfg, baseState, startSlot);
  store.checkpointStates.set(key, baseState);
  return baseState;
}
