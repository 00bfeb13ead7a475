// The state part of fork-choice.md (v1.4.0) compute_pulled_up_tip: the block's post-state pulled up to the next epoch
// boundary by process_justification_and_finalization on a copy. The store part (unrealized_justifications,
// update_unrealized_checkpoints, realizing a prior-epoch block at once) is in ForkChoice.onBlock.
import type { BeaconConfig } from "../../params/beaconConfig.js";
import { cloneBeaconState } from "../../state-transition/caches/cloneBeaconState.js";
import { processJustificationAndFinalization } from "../../state-transition/epoch/processJustificationAndFinalization.js";
import type { BeaconState } from "../../types/index.js";
import type { Checkpoint } from "../types.js";
import { checkpointHex } from "./rootHex.js";

export function computeUnrealizedCheckpoints(
  cfg: BeaconConfig,
  postState: BeaconState,
): { unrealizedJustifiedCheckpoint: Checkpoint; unrealizedFinalizedCheckpoint: Checkpoint } {
  const state = cloneBeaconState(cfg, postState); // O(1) copy-on-write
  processJustificationAndFinalization(cfg, state);
  return {
    unrealizedJustifiedCheckpoint: checkpointHex(state.currentJustifiedCheckpoint),
    unrealizedFinalizedCheckpoint: checkpointHex(state.finalizedCheckpoint),
  };
}
