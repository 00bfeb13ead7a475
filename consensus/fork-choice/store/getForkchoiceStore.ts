// fork-choice.md (v1.4.0) get_forkchoice_store: a Store anchored at a trusted state and its block (genesis for a
// full node). The justified and finalized checkpoints both start at (get_current_epoch(anchor_state), anchor root).

import type { BeaconConfig } from "../../params/beaconConfig.js";
import { getCurrentEpoch } from "../../state-transition/accessors/getCurrentEpoch.js";
import type { BeaconBlock, BeaconState } from "../../types/index.js";
import { ForkChoiceError } from "../errors.js";
import { ForkChoice } from "../forkChoice.js";
import type { Checkpoint } from "../types.js";
import { getJustifiedBalances } from "./getJustifiedBalances.js";
import { checkpointHex, rootHex } from "./rootHex.js";
import { checkpointKey, type ForkChoiceStore, type ForkChoiceStoreOptions } from "./store.js";
import { storeTargetCheckpointState } from "./storeTargetCheckpointState.js";

export function getForkchoiceStore(
  cfg: BeaconConfig,
  anchorState: BeaconState,
  anchorBlock: BeaconBlock,
  options: ForkChoiceStoreOptions = {},
): ForkChoiceStore {
  const stateRoot = rootHex(cfg.types.BeaconState.hashTreeRoot(anchorState));
  if (rootHex(anchorBlock.stateRoot) !== stateRoot) {
    throw new ForkChoiceError(
      "INVALID_ANCHOR",
      `anchor block state root ${rootHex(anchorBlock.stateRoot)} differs from the anchor state's root ${stateRoot}`,
    );
  }
  const anchorRoot = rootHex(cfg.types.BeaconBlock.hashTreeRoot(anchorBlock));
  const anchorEpoch = getCurrentEpoch(cfg, anchorState);
  const anchorCheckpoint: Checkpoint = { epoch: anchorEpoch, root: anchorRoot };

  // the store exists before the core so that the balances getter can reach its checkpoint states
  const store: { -readonly [K in keyof ForkChoiceStore]: ForkChoiceStore[K] } = {
    cfg,
    options,
    forkChoice: undefined as unknown as ForkChoice,
    blocks: new Map([[anchorRoot, anchorBlock]]),
    blockStates: new Map([[anchorRoot, anchorState]]),
    checkpointStates: new Map([[checkpointKey(anchorCheckpoint), anchorState]]),
  };
  store.forkChoice = new ForkChoice(
    cfg,
    {
      block: {
        root: anchorRoot,
        parentRoot: rootHex(anchorBlock.parentRoot),
        slot: anchorBlock.slot,
        justifiedCheckpoint: checkpointHex(anchorState.currentJustifiedCheckpoint),
        finalizedCheckpoint: checkpointHex(anchorState.finalizedCheckpoint),
        unrealizedJustifiedCheckpoint: anchorCheckpoint,
        unrealizedFinalizedCheckpoint: anchorCheckpoint,
      },
      epoch: anchorEpoch,
      genesisTime: anchorState.genesisTime,
      time: anchorState.genesisTime + cfg.SECONDS_PER_SLOT * anchorState.slot,
    },
    // get_weight reads store.checkpoint_states[store.justified_checkpoint]; filled as store_target_checkpoint_state does
    (justified) => getJustifiedBalances(cfg, storeTargetCheckpointState(store, justified)),
    { pruneAtFinality: options.pruneAtFinality },
  );
  return store;
}
